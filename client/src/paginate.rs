//! Pagination over the client: the pages of a paginated operation, and their items, fetched
//! one call at a time as they are asked for.

use crate::client::{CallError, Client};
use awsgen_runtime::http::Paginated;
use awsgen_runtime::validate::Validate;
use std::collections::VecDeque;

/// The pages (and items) of `Op` from a first input; ends after the last page or the first
/// error.
pub struct PageStream<'c, Op: Paginated> {
    client: &'c Client,
    next: Option<Op::Input>,
    items: VecDeque<Op::Item>,
}

impl Client {
    /// Pages of a paginated operation, starting from `input`.
    pub fn pages<Op: Paginated>(&self, input: Op::Input) -> PageStream<'_, Op> {
        PageStream {
            client: self,
            next: Some(input),
            items: VecDeque::new(),
        }
    }
}

impl<Op> PageStream<'_, Op>
where
    Op: Paginated,
    Op::Input: Validate,
{
    /// The next page; `None` after the last.
    pub async fn next_page(&mut self) -> Option<Result<Op::Output, CallError<Op::Error>>> {
        let input = self.next.take()?;
        match self.client.call_ref::<Op>(&input).await {
            Ok(output) => {
                self.next = Op::next_input(&input, &output);
                Some(Ok(output))
            }
            Err(e) => Some(Err(e)),
        }
    }

    /// The next item, fetching pages as needed; `None` after the last.
    pub async fn next_item(&mut self) -> Option<Result<Op::Item, CallError<Op::Error>>> {
        loop {
            if let Some(item) = self.items.pop_front() {
                return Some(Ok(item));
            }
            match self.next_page().await? {
                Ok(page) => self.items.extend(Op::items(page)),
                Err(e) => return Some(Err(e)),
            }
        }
    }

    /// Every item of every page.
    pub async fn collect_items(mut self) -> Result<Vec<Op::Item>, CallError<Op::Error>> {
        let mut all = Vec::new();
        while let Some(item) = self.next_item().await {
            all.push(item?);
        }
        Ok(all)
    }
}
