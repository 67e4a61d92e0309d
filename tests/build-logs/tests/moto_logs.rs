//! The operations a `build.rs` generated for CloudWatch Logs, sent by `awsgen-client` to moto:
//! a log group and stream are created, events put and read back in order, the groups paged
//! through two at a time, and an unknown group gives the model's typed error.

#![cfg(not(awsgen_no_corpus))]

mod common;

use awsgen_build_logs::logs::operation::{
    CreateLogGroup, CreateLogStream, DeleteLogGroup, DeleteLogGroupError, DescribeLogGroups,
    GetLogEvents, PutLogEvents,
};
use awsgen_build_logs::logs::{
    CreateLogGroupRequest, CreateLogStreamRequest, DeleteLogGroupRequest, DescribeLogGroupsRequest,
    GetLogEventsRequest, InputLogEvent, PutLogEventsRequest,
};
use awsgen_client::CallError;

const PREFIX: &str = "/awsgen/build-logs/";

#[tokio::test]
async fn a_generated_service_is_called_end_to_end() {
    let Some(moto) = common::moto::start_or_skip() else {
        return;
    };
    let client = common::moto::client(&moto.url);
    let groups: Vec<String> = (0..5).map(|n| format!("{PREFIX}group-{n}")).collect();
    for group in &groups {
        let input = CreateLogGroupRequest {
            log_group_name: Some(group.clone()),
            ..Default::default()
        };
        client
            .call::<CreateLogGroup>(input)
            .await
            .expect("CreateLogGroup");
    }
    let (group, stream) = (groups[0].clone(), "web/1".to_owned());
    let input = CreateLogStreamRequest {
        log_group_name: Some(group.clone()),
        log_stream_name: Some(stream.clone()),
        ..Default::default()
    };
    client
        .call::<CreateLogStream>(input)
        .await
        .expect("CreateLogStream");

    // Events a millisecond apart, in order and recent, as PutLogEvents requires (events older
    // than 14 days are rejected).
    let start = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("a clock after 1970")
        .as_millis() as i64
        - 1_000;
    let messages = ["GET / 200", "GET /health 200", "POST /login 401"];
    let events = messages
        .iter()
        .enumerate()
        .map(|(n, message)| InputLogEvent {
            timestamp: Some(start + n as i64),
            message: Some((*message).to_owned()),
            ..Default::default()
        })
        .collect();
    let input = PutLogEventsRequest {
        log_group_name: Some(group.clone()),
        log_stream_name: Some(stream.clone()),
        log_events: Some(events),
        ..Default::default()
    };
    let put = client
        .call::<PutLogEvents>(input)
        .await
        .expect("PutLogEvents");
    assert_eq!(put.rejected_log_events_info, None, "every event accepted");

    let input = GetLogEventsRequest {
        log_group_name: Some(group.clone()),
        log_stream_name: Some(stream.clone()),
        start_from_head: Some(true),
        ..Default::default()
    };
    let read = client
        .call::<GetLogEvents>(input)
        .await
        .expect("GetLogEvents");
    let got: Vec<(i64, &str)> = read
        .events
        .iter()
        .flatten()
        .map(|e| {
            (
                e.timestamp.unwrap_or(-1),
                e.message.as_deref().unwrap_or(""),
            )
        })
        .collect();
    let wanted: Vec<(i64, &str)> = (0..).zip(messages).map(|(n, m)| (start + n, m)).collect();
    assert_eq!(got, wanted);

    // Two groups a page: the paginator follows nextToken until it is absent.
    let input = DescribeLogGroupsRequest {
        log_group_name_prefix: Some(PREFIX.to_owned()),
        limit: Some(2),
        ..Default::default()
    };
    let mut pages = client.pages::<DescribeLogGroups>(input);
    let mut seen = Vec::new();
    let mut page_count = 0;
    while let Some(page) = pages.next_page().await {
        let page = page.expect("DescribeLogGroups page");
        page_count += 1;
        let names: Vec<String> = page
            .log_groups
            .iter()
            .flatten()
            .filter_map(|g| g.log_group_name.clone())
            .collect();
        assert!(
            names.len() <= 2,
            "page {page_count} has {} groups",
            names.len()
        );
        seen.extend(names);
    }
    assert_eq!(seen, groups, "every group once, in name order");
    assert_eq!(page_count, 3, "5 groups at 2 a page");

    for group in &groups {
        let input = DeleteLogGroupRequest {
            log_group_name: Some(group.clone()),
            ..Default::default()
        };
        client
            .call::<DeleteLogGroup>(input)
            .await
            .expect("DeleteLogGroup");
    }
    let input = DeleteLogGroupRequest {
        log_group_name: Some(groups[0].clone()),
        ..Default::default()
    };
    match client.call::<DeleteLogGroup>(input).await {
        Err(CallError::Service(DeleteLogGroupError::ResourceNotFoundException { .. })) => {}
        other => panic!("deleting a deleted group: {other:?}"),
    }
}
