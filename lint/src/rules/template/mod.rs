//! Templates: a Terraform, Helm, Jinja or deploy-script template is a task definition only
//! once rendered, so where a placeholder stands the lint says so instead of judging it.

pub mod placeholder;
