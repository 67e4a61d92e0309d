//! Paginated operations, and the sans-IO page iterator over them.

use super::HttpOperation;

/// Implemented by paginated operations (`@paginated`, botocore `paginators-1.json`).
pub trait Paginated: HttpOperation {
    /// The type of one item of a page (`()` when the model names no items member).
    type Item;
    /// The input for the next page, or `None` when the output has no next token (or the token
    /// repeats the one just sent).
    fn next_input(input: &Self::Input, output: &Self::Output) -> Option<Self::Input>;
    /// The items of one page (the `items` member of `@paginated`), when the model names one.
    fn items(output: Self::Output) -> Vec<Self::Item>;
}

/// An iterator over the pages of a paginated operation: `call` turns an input into an output
/// (the client's send, or a canned response in tests), and the iterator stops after the last
/// page or the first error.
pub struct Pages<Op: Paginated, F> {
    next: Option<Op::Input>,
    call: F,
}

impl<Op, F, E> Pages<Op, F>
where
    Op: Paginated,
    F: FnMut(&Op::Input) -> Result<Op::Output, E>,
{
    pub fn new(input: Op::Input, call: F) -> Self {
        Self {
            next: Some(input),
            call,
        }
    }
}

impl<Op, F, E> Iterator for Pages<Op, F>
where
    Op: Paginated,
    F: FnMut(&Op::Input) -> Result<Op::Output, E>,
{
    type Item = Result<Op::Output, E>;

    fn next(&mut self) -> Option<Self::Item> {
        let input = self.next.take()?;
        match (self.call)(&input) {
            Ok(output) => {
                self.next = Op::next_input(&input, &output);
                Some(Ok(output))
            }
            Err(e) => Some(Err(e)),
        }
    }
}
