//! What a file holds besides the input it is checked as: members only an operation's output
//! has, which the AWS CLI refuses in an input.

pub mod describe_only_member;
