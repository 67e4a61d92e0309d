//! The values a Terraform file's variables take: a `variable` block's `default`, overridden,
//! as Terraform overrides it, by `terraform.tfvars`, `*.auto.tfvars` and their `.json` forms
//! beside the file (a later file's value wins).

use super::folder::Folder;
use super::labels;
use hcl_edit::expr::Expression;
use hcl_edit::structure::Body;
use std::collections::HashMap;

/// A variable's value: an HCL expression (a default, or a `.tfvars` file's) or a
/// `.tfvars.json` file's JSON.
#[derive(Clone, Copy)]
pub enum Var<'a> {
    Hcl(&'a Expression),
    Json(&'a serde_json::Value),
}

/// The variable files beside a Terraform file, parsed; a file that does not parse is left
/// out (it is not the file checked, and Terraform names it when it plans).
pub struct Tfvars {
    hcl: Vec<Body>,
    json: Vec<serde_json::Map<String, serde_json::Value>>,
    /// For each file in Terraform's order: HCL (its index in `hcl`) or JSON (in `json`).
    order: Vec<(bool, usize)>,
}

impl Tfvars {
    pub fn read(folder: &Folder) -> Tfvars {
        let mut tfvars = Tfvars {
            hcl: Vec::new(),
            json: Vec::new(),
            order: Vec::new(),
        };
        for file in folder.tfvars() {
            let Ok(text) = file.text else { continue };
            if file.shown.ends_with(".json") {
                if let Ok(serde_json::Value::Object(map)) = serde_json::from_str(&text) {
                    tfvars.order.push((false, tfvars.json.len()));
                    tfvars.json.push(map);
                }
            } else if let Ok(body) = hcl_edit::parser::parse_body(&text) {
                tfvars.order.push((true, tfvars.hcl.len()));
                tfvars.hcl.push(body);
            }
        }
        tfvars
    }

    /// Each variable's value: its default in `body`, or the last variable file's.
    pub fn values<'a>(&'a self, body: &'a Body) -> HashMap<String, Var<'a>> {
        let mut values: HashMap<String, Var<'a>> = body
            .blocks()
            .filter(|b| b.ident.as_str() == "variable")
            .filter_map(|b| {
                let default = b.body.attributes().find(|a| a.key.as_str() == "default")?;
                Some((labels(b)[0].to_owned(), Var::Hcl(&default.value)))
            })
            .collect();
        for &(hcl, index) in &self.order {
            if hcl {
                for attribute in self.hcl[index].attributes() {
                    let name = attribute.key.as_str().to_owned();
                    values.insert(name, Var::Hcl(&attribute.value));
                }
            } else {
                for (name, value) in &self.json[index] {
                    values.insert(name.clone(), Var::Json(value));
                }
            }
        }
        values
    }
}
