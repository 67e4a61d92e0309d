//! What a file holds besides the input it is checked as: members only an operation's output
//! has, which the AWS CLI refuses in an input, and files a Terraform resource reads that are
//! not there.

pub mod describe_only_member;
pub mod missing_file;
