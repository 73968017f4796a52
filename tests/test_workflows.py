"""The CI workflows: tests before deploy, least privilege, actions pinned, caches on."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

WORKFLOWS = Path(__file__).resolve().parent.parent / ".github" / "workflows"


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    return data


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_pages_deploys_only_after_the_tests_and_only_the_deploy_job_writes() -> None:
    pages = load("pages.yml")
    jobs = pages["jobs"]
    assert jobs["build"]["needs"] == "test" and jobs["deploy"]["needs"] == "build"
    assert pages["permissions"] == {"contents": "read"}
    for name, job in jobs.items():
        writes = {k for k, v in job.get("permissions", {}).items() if v == "write"}
        assert writes == ({"pages", "id-token"} if name == "deploy" else set()), name
    assert "make test" in [s.get("run") for s in jobs["test"]["steps"]]
    build = jobs["build"]["steps"]
    assert any("SITE_URL" in s.get("env", {}) for s in build), "the 404 page needs site_url"


def test_every_action_is_pinned_by_commit_and_caches_are_on() -> None:
    for name in ("pages.yml", "test.yml"):
        workflow = load(name)
        for step in steps(workflow):
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
            if "setup-python" in step.get("uses", ""):
                assert step["with"]["cache"] == "pip"
            if "setup-node" in step.get("uses", ""):
                assert step["with"]["cache"] == "npm"
