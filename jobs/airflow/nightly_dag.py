"""Airflow DAG for the nightly opportunity-matching run (apache-airflow-providers-apache-spark).

Copy this file into the DAGs folder. It submits the job jar with spark-submit, exactly as
job-contract.md starts a cluster run:

    spark-submit --class org.oppmatch.NightlyJob [spark options] opportunity-engine-job.jar \
      --inputs URI --output URI --run-date YYYY-MM-DD [--config URI]

Where it runs is the Spark connection's business (conn_id below): host `yarn`,
`k8s://https://API:443` or `spark://MASTER:7077`, with `spark-binary`/`spark-home` in its
extra. Locations come from Airflow Variables so one file serves every environment.

Why these settings (read before changing them):

run_date
    The job's --run-date is the logical date of the data (job-contract.md): the calendar day
    whose inputs the run processes; every "is this deadline past" and "how recent is this
    signal" decision uses it, never the wall clock. The timetable below gives each run a data
    interval of one day, [D 02:00, D+1 02:00) Chengdu time, and starts the run when that
    interval has ended, at 02:00 on D+1. The day of the data is the interval's START, D, so the
    run date is `data_interval_start` as a Chengdu day: the run's logical date, the one
    Airflow's `{{ ds }}` is meant to name. Two look-alikes are wrong here:
    - plain `{{ ds }}`: Airflow formats it in UTC, and 02:00 in Chengdu is 18:00 UTC of the day
      before, so it says D-1;
    - `{{ data_interval_end | ds }}`: the END of the interval is D+1 02:00, the time the run
      executes, i.e. the wall-clock date the contract rules out (a deadline ending on D would
      count as past, every signal would age a day). Formatted in UTC it happens to print D,
      only because 02:00 +08:00 falls on the previous UTC day; move the schedule past 08:00
      and it prints D+1.
    Hence `data_interval_start.in_timezone('Asia/Shanghai') | ds`, right at any hour.
    The timetable is explicit (CronDataIntervalTimetable) because Airflow 3 turns a plain cron
    string into a CronTriggerTimetable, whose runs have no one-day interval: there the
    interval start is the moment the run fires, i.e. today, not the day of the data.

catchup
    catchup=False: when the DAG is first deployed, or unpaused after a pause, Airflow creates
    a run only for the latest complete interval, not one for every day since start_date. A
    missed date is run on purpose with a backfill (`airflow backfill create --dag-id
    oppmatch_nightly --from-date D1 --to-date D2` in Airflow 3, `airflow dags backfill -s D1
    -e D2 oppmatch_nightly` in Airflow 2). Reruns are safe: a run for date D replaces that
    date's outputs and nothing else, and compares with the latest succeeded run before D.

max_active_runs=1
    Backfilled dates run one after another, in date order, so each compares with the run
    before it, and two runs never write the same output tree at once.

retries
    Two retries, 15 minutes apart: a lost executor or a busy cluster is worth a second try, an
    input that lands late (exit code 3, missing table) may be there on the retry, and a run
    someone started by hand on the same output (exit code 4: the job's own lock on --output)
    has likely ended by then. A bad configuration (exit 2) fails three times the same way; fix
    it and clear the task.
"""

from __future__ import annotations

from datetime import timedelta

import pendulum
from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

try:  # Airflow 3.1+ exports the timetables from its SDK
    from airflow.sdk import CronDataIntervalTimetable
except ImportError:  # Airflow 2, 3.0
    from airflow.timetables.interval import CronDataIntervalTimetable

TZ_NAME = "Asia/Shanghai"
TZ = pendulum.timezone(TZ_NAME)

# The logical date of the data: the start of the one-day data interval, as a Chengdu day.
RUN_DATE = "{{ data_interval_start.in_timezone('" + TZ_NAME + "') | ds }}"

with DAG(
    dag_id="oppmatch_nightly",
    description="Nightly enterprise-to-zone lead lists (opportunity-matching engine)",
    schedule=CronDataIntervalTimetable("0 2 * * *", timezone=TZ),
    start_date=pendulum.datetime(2026, 11, 1, tz=TZ),
    catchup=False,
    max_active_runs=1,
    default_args={
        "owner": "oppmatch",
        "retries": 2,
        "retry_delay": timedelta(minutes=15),
        "execution_timeout": timedelta(hours=3),
    },
    tags=["oppmatch", "spark"],
) as dag:
    SparkSubmitOperator(
        task_id="nightly_job",
        conn_id="spark_oppmatch",
        deploy_mode="cluster",
        application="{{ var.value.get('oppmatch_job_jar', '/opt/oppmatch/opportunity-engine-job.jar') }}",
        java_class="org.oppmatch.NightlyJob",
        name="oppmatch-nightly-" + RUN_DATE,
        # YARN and Kubernetes size executors with these; a standalone master uses
        # total_executor_cores instead of num_executors
        num_executors=4,
        executor_cores=4,
        executor_memory="8g",
        driver_memory="4g",
        conf={
            # the local launcher's settings, so a cluster run computes what a local run does
            "spark.sql.session.timeZone": "UTC",
            "spark.sql.shuffle.partitions": "64",
        },
        # job-contract.md's arguments, nothing else; the job never sets the master itself
        application_args=[
            "--inputs",
            "{{ var.value.get('oppmatch_inputs', 'hdfs:///oppmatch/inputs') }}",
            "--output",
            "{{ var.value.get('oppmatch_output', 'hdfs:///oppmatch/out') }}",
            "--run-date",
            RUN_DATE,
            "--config",
            "{{ var.value.get('oppmatch_config', 'hdfs:///oppmatch/config.json') }}",
        ],
    )
