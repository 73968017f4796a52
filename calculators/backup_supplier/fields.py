"""The backup-supplier calculator's fields: the disruption risk and the backup's cost."""

from __future__ import annotations

from ..core.fields import Field, FieldSet
from ..core.parse import Values
from ..core.text import N_, Text
from ..core.vocab import CURRENCIES

WEEKS_PER_YEAR = 52

GROUPS = {
    "risk": N_("A disruption at your main supplier"),
    "backup": N_("Keeping a backup ready"),
}

FIELDS = (
    Field("disruptions_per_year", "number", 0.15, N_("Disruptions per year"),
          N_("How often, on average, the main supplier stops delivering (fire, insolvency, "
             "strike, export ban, quality recall). 0.1 means about once in ten years; 2 means "
             "twice a year. More than one in a year is possible."),
          "per_year", 0, 12, 0.01, group="risk"),
    Field("recovery_weeks", "number", 12, N_("Weeks to recover without a backup"),
          N_("How long supply stays short if you have to wait for the supplier to recover, or "
             "find and qualify a new one from scratch."),
          "weeks", 0, 104, 1, group="risk"),
    Field("weekly_margin", "money", 40_000, N_("Margin lost per week short"),
          N_("Gross margin on the sales you lose for each week without supply."),
          "per_week", 0, 1e10, 1000, group="risk"),
    Field("disruption_costs", "money", 80_000, N_("Expediting and penalties"),
          N_("Per disruption without a backup: rush freight, overtime, spot-market premiums "
             "and penalties to your customers. With a backup they shrink in proportion to the "
             "shorter outage."),
          "per_disruption", 0, 1e10, 1000, group="risk"),
    Field("switch_weeks", "number", 3, N_("Weeks to switch to the backup"),
          N_("How long supply stays short when a qualified backup is ready to take the "
             "volume. No longer than the recovery time."),
          "weeks", 0, 104, 1, group="backup"),
    Field("backup_share_pct", "percent", 100, N_("Share of the volume the backup can take"),
          N_("Once it has switched, the backup supplies this share of your usual volume until "
             "the main supplier recovers; the rest stays short. 100% means it can take all "
             "of it."),
          "percent", 0, 100, 1, group="backup"),
    Field("weekly_purchases", "money", 60_000, N_("Purchases from the main supplier per week"),
          N_("What you normally pay the main supplier for a week's volume. Used only to price "
             "the premium while the backup supplies."),
          "per_week", 0, 1e10, 1000, group="backup"),
    Field("premium_pct", "percent", 0, N_("Price premium while the backup supplies"),
          N_("How much more the backup charges than the main supplier for the volume it takes "
             "during a disruption, for example for short-notice orders. 20% means it charges "
             "1.2 times the usual price."),
          "percent", 0, 500, 1, group="backup"),
    Field("backup_cost", "money", 50_000, N_("Yearly cost of keeping the backup ready"),
          N_("Audits and requalification, any price premium on volume you give the backup in "
             "normal times, and the time spent managing it."),
          "per_year", 0, 1e10, 1000, group="backup"),
    Field("qualification_cost", "money", 0, N_("One-off cost of qualifying the backup"),
          N_("Audits, samples, trial orders, tooling and approvals before the backup may "
             "supply. Spread evenly over the years you expect to keep the backup."),
          "one_off", 0, 1e10, 1000, group="backup"),
    Field("qualification_years", "integer", 5, N_("Years you expect to keep the backup"),
          N_("The one-off qualification cost is spread evenly over these years, without "
             "interest."),
          "years", 1, 30, 1, group="backup"),
    Field("bad_year_pct", "percent", 95, N_("How bad a year to show"),
          N_("Beside the average, the results show a bad year: one in which disruptions are "
             "as many as or fewer than in this share of years. 95% is a year as bad as one in "
             "twenty."),
          "percent", 50, 99.9, 0.1, group="risk"),
    Field("currency", "choice", "EUR", N_("Currency"),
          N_("Used only to label amounts; nothing is converted."),
          choices=CURRENCIES, group="backup"),
)  # fmt: skip


def weeks_text(weeks: float, t: Text) -> str:
    """'1 week', '3 weeks', '6.5 weeks' (a fraction reads as plural, as in English)."""
    text = _plain(weeks)
    count = int(weeks) if float(weeks).is_integer() else 2
    return t.ngettext("{weeks} week", "{weeks} weeks", count, weeks=text)


def _plain(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)


def check_contradictions(values: Values, t: Text) -> dict[str, str]:
    switch, recovery = float(values["switch_weeks"]), float(values["recovery_weeks"])
    if switch > recovery:
        text = t.gettext(
            "Switching to the backup ({switch}) cannot take longer than recovering without "
            "one ({recovery}).",
            switch=weeks_text(switch, t),
            recovery=weeks_text(recovery, t),
        )
        return {"switch_weeks": text}
    return {}


def check_weeks_short(values: Values, t: Text) -> dict[str, str]:
    rate, recovery = float(values["disruptions_per_year"]), float(values["recovery_weeks"])
    if rate * recovery > WEEKS_PER_YEAR:
        text = t.gettext(
            "At {rate} disruptions a year of {recovery} each, supply would be short for more "
            "than a year on average: lower the rate or the weeks to recover.",
            rate=_plain(rate),
            recovery=weeks_text(recovery, t),
        )
        return {"disruptions_per_year": text}
    return {}


FIELDSET = FieldSet(FIELDS, GROUPS, checks=(check_contradictions, check_weeks_short))
