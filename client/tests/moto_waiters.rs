//! The ECS task waiters end to end against moto, whose tasks change state as ECS's do: moto
//! 5.2.5 starts a task `RUNNING` and moves it one step towards `STOPPED` (`DEACTIVATING`,
//! `STOPPING`, `DEPROVISIONING`, `STOPPED`) each time it is described, unless told through
//! its state manager (`/moto-api/state-manager/set-transition`) to keep it.

mod common;

use awsgen_client::waiter::{WaitConfig, WaitError};
use awsgen_client::Client;
use awsgen_runtime::http::AcceptorState;
use awsgen_types::ecs::operation::{RunTask, StopTask};
use awsgen_types::ecs::waiter::{TasksRunning, TasksStopped};
use awsgen_types::ecs::{DescribeTasksRequest, RunTaskRequest, StopTaskRequest};
use std::time::Duration;

/// Fast polling: the model's 6 s would make each test a minute long.
fn fast(max_wait: Duration) -> WaitConfig {
    WaitConfig::new(max_wait).delays(Duration::from_millis(50), Duration::from_millis(200))
}

/// A cluster with one task started in it; the task's ARN.
async fn start_task(client: &Client) -> String {
    let definition = serde_json::json!({
        "family": "sleeper",
        "containerDefinitions": [{"name": "app", "image": "busybox", "memory": 128}]
    });
    let arn = common::ecs::cluster_and_definition(client, "waiters", definition).await;
    let run: RunTaskRequest = serde_json::from_value(serde_json::json!({
        "cluster": "waiters", "taskDefinition": arn, "count": 1, "launchType": "FARGATE",
        "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-1"]}}
    }))
    .expect("a run input");
    let output = client.call::<RunTask>(run).await.expect("started");
    output
        .tasks
        .into_iter()
        .flatten()
        .find_map(|t| t.task_arn)
        .expect("a task")
}

fn describe(task: &str) -> DescribeTasksRequest {
    DescribeTasksRequest {
        cluster: Some("waiters".into()),
        tasks: Some(vec![task.to_owned()]),
        ..Default::default()
    }
}

/// Tells moto to keep tasks in their state across this many reads (a plain HTTP/1.1 POST on
/// loopback).
fn keep_task_states(url: &str) {
    use std::io::{Read, Write};
    let body =
        r#"{"model_name": "ecs::task", "transition": {"progression": "manual", "times": 1000}}"#;
    let address = url.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(address).expect("moto accepts");
    write!(
        stream,
        "POST /moto-api/state-manager/set-transition HTTP/1.1\r\nHost: {address}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .expect("the request is sent");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("moto answers");
    assert!(
        answer.starts_with("HTTP/1.1 201") || answer.starts_with("HTTP/1.1 200"),
        "moto's state manager refused the transition: {answer}"
    );
}

#[tokio::test]
async fn tasks_running_then_tasks_stopped() {
    let Some(moto) = common::moto::start_or_skip() else {
        return;
    };
    keep_task_states(&moto.url);
    let client = common::moto::client(&moto.url);
    let task = start_task(&client).await;
    let running = client
        .wait::<TasksRunning>(&describe(&task), fast(Duration::from_secs(30)))
        .await
        .expect("the task runs");
    assert_eq!(running.attempts, 1);
    assert_eq!(running.acceptor.state, AcceptorState::Success);
    let statuses = |r: &awsgen_types::ecs::DescribeTasksResponse| -> Vec<String> {
        r.tasks
            .iter()
            .flatten()
            .filter_map(|t| t.last_status.clone())
            .collect()
    };
    assert_eq!(
        statuses(running.last.as_ref().expect("an output")),
        ["RUNNING"]
    );
    client
        .call::<StopTask>(StopTaskRequest {
            cluster: Some("waiters".into()),
            task: Some(task.clone()),
            ..Default::default()
        })
        .await
        .expect("stopped");
    let stopped = client
        .wait::<TasksStopped>(&describe(&task), fast(Duration::from_secs(30)))
        .await
        .expect("the task stops");
    assert_eq!(
        statuses(stopped.last.as_ref().expect("an output")),
        ["STOPPED"]
    );
}

#[tokio::test]
async fn tasks_stopped_polls_until_moto_stops_the_task() {
    let Some(moto) = common::moto::start_or_skip() else {
        return;
    };
    let client = common::moto::client(&moto.url);
    let task = start_task(&client).await;
    let mut seen = Vec::new();
    let stopped = client
        .wait_with_progress::<TasksStopped, _>(
            &describe(&task),
            fast(Duration::from_secs(30)),
            |p| {
                let status = p
                    .result
                    .as_ref()
                    .ok()
                    .and_then(|o| o.tasks.iter().flatten().find_map(|t| t.last_status.clone()));
                seen.push(status.unwrap_or_default());
            },
        )
        .await
        .expect("the task stops");
    // Every state on the way was a retry, each reported as progress.
    assert_eq!(stopped.attempts as usize, seen.len() + 1, "{seen:?}");
    assert!(seen.len() >= 2, "{seen:?}");
    assert!(seen.iter().all(|s| s != "STOPPED"), "{seen:?}");
}

#[tokio::test]
async fn tasks_running_fails_when_the_task_stops() {
    let Some(moto) = common::moto::start_or_skip() else {
        return;
    };
    let client = common::moto::client(&moto.url);
    let task = start_task(&client).await;
    // moto moves the task on at every read: it never stays RUNNING, and ends STOPPED.
    let error = client
        .wait::<TasksRunning>(&describe(&task), fast(Duration::from_secs(30)))
        .await
        .expect_err("the task stops instead");
    let WaitError::Failed {
        acceptor, attempts, ..
    } = &error
    else {
        panic!("a failure acceptor, not {error}");
    };
    assert_eq!(acceptor.state, AcceptorState::Failure);
    assert!(*attempts >= 2);
    let message = error.to_string();
    assert!(
        message.contains("waiter TasksRunning failed")
            && message.contains(r#"tasks[].lastStatus anyStringEquals "STOPPED""#),
        "{message}"
    );
}

#[tokio::test]
async fn a_wait_times_out_at_the_callers_longest_wait() {
    let Some(moto) = common::moto::start_or_skip() else {
        return;
    };
    keep_task_states(&moto.url);
    let client = common::moto::client(&moto.url);
    let task = start_task(&client).await;
    let started = std::time::Instant::now();
    let error = client
        .wait::<TasksStopped>(&describe(&task), fast(Duration::from_millis(700)))
        .await
        .expect_err("the task keeps running");
    let elapsed = started.elapsed();
    let WaitError::TimedOut { attempts, .. } = &error else {
        panic!("a time-out, not {error}");
    };
    assert!(*attempts >= 2, "{attempts}");
    assert!(elapsed < Duration::from_secs(5), "{elapsed:?}");
    assert!(
        error.to_string().contains("waiter TasksStopped timed out"),
        "{error}"
    );
}
