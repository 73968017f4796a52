"""The team health check's fields: fifteen statements rated on the shared agreement scale,
optionally the same fifteen as the vendor's side rates them, and how many dimensions to act
on."""

from __future__ import annotations

from ..core.fields import AppliesWhen, Field, FieldSet
from ..core.text import N_
from ..core.vocab import AGREEMENT, AGREEMENT_VALUES
from .model import DIMENSIONS, VENDOR_PREFIX

GROUPS = {
    "sides": N_("Whose answers"),
    "goals": N_("Goals and direction"),
    "communication": N_("Communication"),
    "accountability": N_("Accountability"),
    "talent": N_("Talent and skills"),
    "integration": N_("Integration with in-house teams"),
    "vendor": N_("The vendor's answers"),
    "plan": N_("Action plan"),
}
BOTH_SIDES = AppliesWhen("answer_for", ("both",))

# (label, help) of each statement.
STATEMENT_TEXTS: dict[str, tuple[str, str]] = {
    "goals_agreed": (
        N_(
            "The goals and KPIs of the outsourced work are written down and agreed by our "
            "leadership."
        ),
        N_("Agreed before the work started, not discovered along the way."),
    ),
    "goals_traced": (
        N_("Both teams can say which goal each piece of work serves."),
        N_("Every workstream is linked to a goal, so the team knows why the work matters."),
    ),
    "goals_missed": (
        N_("Deliverables are often missed or re-scoped."),
        N_("A symptom of misaligned goals: agreeing lowers the score."),
    ),
    "comm_rhythm": (
        N_("Meetings and status reports follow a fixed rhythm and format."),
        N_("For example a weekly check-in and the same status report every week."),
    ),
    "comm_tools": (
        N_("Both teams work in one shared set of tools."),
        N_("One tracker, one chat channel and one document store, not parallel copies."),
    ),
    "comm_late_news": (
        N_("We often hear about problems late, after they have grown."),
        N_("A symptom of poor communication: agreeing lowers the score."),
    ),
    "acc_owners": (
        N_("Each side has a named owner for the work, and the escalation path is clear."),
        N_(
            "For example your service owner and the vendor's lead, with an agreed route for "
            "problems they cannot solve."
        ),
    ),
    "acc_tracked": (
        N_("Deliverables and milestones are tracked against KPIs both sides can see."),
        N_("Progress is measured against agreed targets, not judged on impressions."),
    ),
    "acc_unclear": (
        N_("When something goes wrong, it is unclear who should fix it."),
        N_("A symptom of weak accountability: agreeing lowers the score."),
    ),
    "talent_skills": (
        N_("The vendor's team has the skills and experience the work needs."),
        N_("Technical expertise and problem solving at the level the work needs today."),
    ),
    "talent_learning": (
        N_("The team's skills are reviewed regularly, and it has a training plan."),
        N_("Continuous learning keeps a team able to handle work that changes."),
    ),
    "talent_struggles": (
        N_("The team struggles when the work changes or a problem is new to it."),
        N_("A symptom of a skill gap: agreeing lowers the score."),
    ),
    "int_planning": (
        N_("The vendor's leads take part in our planning sessions."),
        N_("They hear the goals first-hand and help decide the work."),
    ),
    "int_access": (
        N_("The vendor's staff have the tools, access and documents our own staff have."),
        N_("Within your security rules."),
    ),
    "int_silo": (
        N_("Work is delayed or duplicated at the hand-offs between our teams and theirs."),
        N_("A symptom of a team working in a silo: agreeing lowers the score."),
    ),
}

FIELDS = (
    Field("answer_for", "choice", "one", N_("Answer for"),
          N_("One side: your own answers. Both sides: add the answers of the vendor's lead to "
             "the same statements, and see where the two views differ."),
          choices=("one", "both"),
          choice_labels={"one": N_("One side"), "both": N_("Both sides")}, group="sides"),
    *(
        Field(s.name, "choice", s.default, *STATEMENT_TEXTS[s.name], choices=AGREEMENT_VALUES,
              choice_labels=AGREEMENT, group=d.id)
        for d in DIMENSIONS
        for s in d.statements
    ),
    *(
        Field(VENDOR_PREFIX + s.name, "choice", s.default, *STATEMENT_TEXTS[s.name],
              choices=AGREEMENT_VALUES, choice_labels=AGREEMENT, group="vendor",
              applies_when=BOTH_SIDES)
        for d in DIMENSIONS
        for s in d.statements
    ),
    Field("focus_count", "integer", 3, N_("Dimensions to act on"),
          N_("How many of the weakest dimensions get actions in the results, weakest first."),
          "", 1, len(DIMENSIONS), 1, group="plan"),
)  # fmt: skip

FIELDSET = FieldSet(FIELDS, GROUPS)
