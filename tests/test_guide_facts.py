"""The guide keeps every key fact from its five source articles.

Each fact is a set of regular expressions that must all match somewhere in the visible text of
the built site (the `<article>` of every page, lower-cased, whitespace collapsed). The patterns
leave room for rewording; they fail only when a fact has disappeared from the whole site.

Facts from outside the source articles (the guide's own research: studies, laws, cases) also
carry their citation, a pattern for the footnote that names the publisher and year. Such a fact
must appear on one page together with its citation, so a figure cannot drift away from its source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sitebuild.languages import DEFAULT, in_language


class ArticleText(HTMLParser):
    """Collects the text a reader sees inside `<article>`, skipping scripts and styles."""

    SKIPPED = frozenset({"script", "style", "template", "noscript"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.article_depth = 0
        self.skip_depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.article_depth += 1
        elif tag in self.SKIPPED:
            self.skip_depth += 1
        elif self.article_depth:
            # Block boundaries and line breaks separate words.
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.article_depth = max(0, self.article_depth - 1)
        elif tag in self.SKIPPED:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif self.article_depth:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if self.article_depth and not self.skip_depth:
            self.parts.append(data)


def normalize(text: str) -> str:
    """Lower-case, straighten quotes and dashes, and collapse whitespace."""
    text = text.lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    text = re.sub("[\u2010\u2011\u2012\u2013\u2014\u2212]", "-", text)
    text = text.replace("\u00a0", " ").replace("\u00ad", "")
    return re.sub(r"\s+", " ", text).strip()


def page_text(html: str) -> str:
    parser = ArticleText()
    parser.feed(html)
    parser.close()
    return normalize("".join(parser.parts))


def english_pages(site: Path) -> list[Path]:
    """The English pages (tests/test_language_facts.py holds the other languages to these)."""
    return sorted(
        p for p in site.rglob("*.html") if in_language(p.relative_to(site).as_posix(), DEFAULT)
    )


@pytest.fixture(scope="module")
def site_text(built_site: Path) -> str:
    pages = english_pages(built_site)
    texts = [page_text(page.read_text(encoding="utf-8")) for page in pages]
    text = " \n ".join(t for t in texts if t)
    assert text, f"no <article> text found in {built_site}"
    return text


@pytest.fixture(scope="module")
def page_texts(built_site: Path) -> dict[str, str]:
    pages = english_pages(built_site)
    texts = {
        p.relative_to(built_site).as_posix(): page_text(p.read_text(encoding="utf-8"))
        for p in pages
    }
    return {name: text for name, text in texts.items() if text}


@dataclass(frozen=True)
class Fact:
    id: str
    what: str
    patterns: tuple[str, ...]
    cite: str = ""  # a pattern for the citation that must sit on the same page


def fact(fact_id: str, what: str, *patterns: str) -> Fact:
    return Fact(fact_id, what, patterns)


def cited(fact_id: str, what: str, cite: str, *patterns: str) -> Fact:
    return Fact(fact_id, what, patterns, cite)


FACTS: tuple[Fact, ...] = (
    # Outsourcing in general (Norwegian source).
    fact(
        "recognized-1989",
        "outsourcing was first recognized as a business strategy in 1989",
        r"1989",
        r"business strategy",
    ),
    fact("spread-1990s", "outsourcing became integral to business in the 1990s", r"1990s"),
    fact(
        "controversy-domestic-jobs",
        "critics blame outsourcing for lost domestic jobs, especially in manufacturing",
        r"domestic jobs|jobs at home",
        r"manufacturing",
    ),
    fact(
        "supporters-efficiency",
        "supporters say outsourcing puts resources where they are most efficient",
        r"supporters[^.]{0,120}efficien",
    ),
    fact(
        "compensation-structures",
        "vendors pay under their own compensation structures, so they can work for less",
        r"compensation structure",
    ),
    fact(
        "overhead-equipment-technology",
        "firms avoid overhead, equipment and technology costs",
        r"overhead",
        r"equipment",
        r"technology",
    ),
    fact("faster-turnaround", "outsourcing can give faster turnaround times", r"turnaround"),
    fact(
        "pc-maker-components",
        "a personal computer maker buys internal components from other companies",
        r"(personal )?computer maker|pc maker",
        r"components",
    ),
    fact(
        "law-firm-cloud-backup",
        "a law firm stores and backs up its files with a cloud provider",
        r"law firm",
        r"cloud",
        r"back(s|ing)? up|backup",
    ),
    fact(
        "small-company-bookkeeping",
        "a small company outsources bookkeeping to an accounting firm",
        r"bookkeeping",
        r"accounting firm",
    ),
    fact(
        "payroll-health-insurance",
        "companies outsource HR functions such as payroll and health insurance",
        r"payroll",
        r"health insurance",
    ),
    fact(
        "competitive-advantage",
        "used well, outsourcing can give a competitive advantage",
        r"competitive advantage",
    ),
    fact(
        "contracts-legal-team",
        "contracts take time and extra effort from the legal team",
        r"legal team",
    ),
    fact(
        "security-data-breach",
        "a third party with confidential data can suffer a data breach",
        r"data breach",
    ),
    fact(
        "international-cost-differences",
        "international outsourcing exploits differences in labor and production costs",
        r"labor and production costs",
    ),
    fact(
        "call-centers",
        "many large companies closed in-house customer service call centers",
        r"call cent(er|re)s",
    ),
    fact(
        "time-over-money",
        "outsourcing suits an organization that values time over money",
        r"time over money|time more than money",
    ),
    fact(
        "clothing-low-risk",
        "outsourcing a simple item such as clothing carries less risk",
        r"clothing",
    ),
    fact(
        "rocket-fuel-financial-modeling",
        "outsourcing complex work such as rocket fuel or financial modeling carries more risk",
        r"rocket fuel",
        r"financial modell?ing",
    ),
    fact(
        "balance-sheet",
        "some companies outsource to move things around on the balance sheet",
        r"balance sheet",
    ),
    fact("contractors-1099", "1099 contract workers can help at tax time", r"1099", r"tax"),
    fact(
        "bank-customer-service",
        "a bank outsources customer service for its online banking",
        r"bank",
        r"customer service",
        r"online banking",
    ),
    fact(
        "us-manufacturing-moved",
        "US manufacturing moved abroad while robotics and precision machinery jobs grew",
        r"robotics",
        r"precision machin",
    ),
    fact("privacy-controversy", "privacy has become contentious for outsourcing", r"privacy"),
    # Knowledge process outsourcing (Icelandic source).
    fact(
        "kpo-definition",
        "KPO hands core, information-based work to people with advanced degrees",
        r"knowledge process outsourcing",
        r"advanced degrees",
    ),
    fact(
        "kpo-subsidiary",
        "KPO work may be done by a subsidiary at home or offshore",
        r"subsidiar",
    ),
    fact(
        "kpo-subset-of-bpo",
        "KPO is a subset of BPO",
        r"subset of (bpo|business process outsourcing)",
    ),
    fact("kpo-domain-financial-advisory", "KPO domain: financial advisory", r"financial advis"),
    fact(
        "kpo-domain-r-and-d",
        "KPO domain: research and development",
        r"research and development",
    ),
    fact(
        "kpo-domain-management-consulting",
        "KPO domain: business operations (management consulting)",
        r"management consult",
    ),
    fact("kpo-domain-technology-analysis", "KPO domain: technology analysis", r"technology analy"),
    fact("kpo-domain-investment", "KPO domain: investments", r"investment research|investments"),
    fact("kpo-domain-legal", "KPO domain: legal work", r"legal (work|services|process)"),
    fact(
        "kpo-domain-medicine",
        "KPO domain: medicine and healthcare",
        r"medic(ine|al)",
        r"health ?care",
    ),
    fact(
        "kpo-domain-data-analysis",
        "KPO domain: data analysis and interpretation",
        r"data analy",
    ),
    fact(
        "kpo-manufacturer-efficiency",
        "a manufacturer that adds value to raw materials uses KPO to improve efficiency",
        r"raw materials",
    ),
    fact(
        "kpo-scale-down",
        "if the economy worsens, a company can easily reduce its KPO staff",
        r"economy (worsens|weakens|turns down)|economic conditions (worsen|deteriorate)",
    ),
    fact(
        "kpo-intellectual-property",
        "KPO puts intellectual property and corporate security at risk",
        r"intellectual property",
    ),
    fact(
        "kpo-hiring-control",
        "companies have less control over how outsourced staff are hired",
        r"vendor'?s hiring|who the vendor hires|control over (the )?hiring",
    ),
    fact(
        "kpo-staff-threatened",
        "existing employees may feel threatened by outsourced workers",
        r"threatened",
    ),
    fact(
        "kpo-barriers",
        "legal, language and cultural barriers make communication harder",
        r"legal, language and cultural barriers",
    ),
    fact(
        "kpo-skilled-and-cheaper",
        "ideally KPO gives highly skilled labor at a lower cost",
        r"highly skilled",
    ),
    # Business process outsourcing (Finnish source).
    fact("bpo-subcontracting", "BPO is a form of subcontracting", r"subcontract"),
    fact(
        "bpo-soft-drink-origin",
        "BPO began with manufacturers such as soft-drink makers outsourcing supply chains",
        r"soft[- ]drink",
        r"supply chain",
    ),
    fact(
        "back-office-accounting-payments",
        "back-office BPO: accounting and payment processing",
        r"back[- ]office",
        r"accounting",
        r"payment processing",
    ),
    fact(
        "back-office-it-hr",
        "back-office BPO: IT services and human resources",
        r"it services",
        r"human resources",
    ),
    fact(
        "back-office-compliance-qa",
        "back-office BPO: regulatory compliance and quality assurance",
        r"compliance",
        r"quality assurance",
    ),
    fact(
        "back-office-payroll-inventory-billing",
        "back-office BPO: payroll, inventory purchasing and billing",
        r"payroll",
        r"inventory purchasing",
        r"billing",
    ),
    fact(
        "front-office-items",
        "front-office BPO: technical support, sales, marketing, customer service",
        r"front[- ]office",
        r"technical support",
        r"sales",
        r"marketing",
        r"customer service",
    ),
    fact(
        "market-2017",
        "the 2017 global outsourced services market was $88.9 billion, up $12 billion",
        r"88\.9 billion",
        r"2017",
        r"12 billion",
    ),
    fact(
        "offshore-singapore",
        "offshore example: a US company using a vendor in Singapore",
        r"offshore",
        r"singapore",
    ),
    fact(
        "nearshore-canada",
        "nearshore example: a US company using a vendor in Canada",
        r"nearshore",
        r"canada",
    ),
    fact(
        "onshore-domestic-sourcing",
        "onshore outsourcing is also called domestic sourcing",
        r"onshore",
        r"domestic sourcing",
    ),
    fact(
        "offshore-reasons",
        "offshore destinations offer political stability, lower labor costs or tax savings",
        r"political stability",
        r"tax savings",
    ),
    fact(
        "ites",
        "BPO is often called information technology enabled services (ITES)",
        r"\bites\b|information technology enabled",
    ),
    fact(
        "core-competencies",
        "BPO frees resources for core competencies like customer relationships",
        r"customer relationships",
        r"product leadership",
    ),
    fact(
        "us-corporate-tax",
        "the US corporate tax rate is among the highest in the developed world",
        r"corporate tax",
        r"developed world",
    ),
    fact("bpo-reporting", "BPO offers quick and accurate reporting", r"accurate reporting"),
    fact(
        "customer-backlash",
        "customers may react against outsourcing they see as inferior or costing jobs",
        r"backlash|react against",
    ),
    fact(
        "underestimated-costs",
        "companies can underestimate the cost of using BPO providers",
        r"underestimat",
    ),
    fact(
        "global-expansion",
        "BPO helps global expansion: a foreign branch gains from a vendor that knows the market",
        r"global expansion|foreign branch",
    ),
    # Why outsourced teams fail and why the best work (Swedish source).
    fact(
        "growth-strategy",
        "outsourcing has grown from a cost tactic into a growth strategy",
        r"growth strategy|way to grow",
    ),
    fact(
        "not-automatic",
        "hiring outside talent does not automatically deliver results",
        r"outside talent",
        r"automatically",
    ),
    fact(
        "aligned-governed-integrated",
        "outsourcing works best when strategically aligned, well governed and integrated",
        r"strategically aligned",
        r"well governed",
        r"integrated",
    ),
    fact(
        "myth-only-cost",
        "myth: outsourcing is only about cutting costs",
        r"only about (cutting |reducing |lowering )?costs?",
    ),
    fact(
        "myth-minimal-oversight",
        "myth: outsourced teams need minimal oversight",
        r"minimal oversight",
    ),
    fact(
        "myth-partners-alike",
        "myth: all outsourcing partners are alike",
        r"partners are (alike|the same)|partner is much like another",
    ),
    fact(
        "partners-differ",
        "partners differ in capability, culture and operational maturity",
        r"operational maturity",
    ),
    fact(
        "motives-skills",
        "specialized skills such as AI development, cybersecurity, international marketing",
        r"ai development",
        r"cybersecurity",
        r"international marketing",
    ),
    fact(
        "motives-scalability-flexibility",
        "motives: cost optimization, scalability and strategic flexibility",
        r"cost optimi[sz]ation",
        r"scalability",
        r"strategic flexibility",
    ),
    fact(
        "failure-misaligned-goals",
        "failure cause: misaligned goals and expectations",
        r"misaligned goals",
    ),
    fact(
        "failure-scope-drift",
        "misalignment leads to missed deliverables, scope drift and frustration on both sides",
        r"missed deliverables",
        r"scope (that )?drift|scope creep",
        r"frustration on both sides",
    ),
    fact(
        "failure-poor-communication",
        "failure cause: poor communication and collaboration (time zones, language, tools)",
        r"poor communication",
        r"time zones",
        r"incompatible tools|tools that do not work together",
    ),
    fact(
        "failure-accountability",
        "failure cause: lack of accountability and oversight",
        r"accountability and oversight",
    ),
    fact(
        "failure-skill-gaps",
        "failure cause: inadequate talent or skill gaps",
        r"skill gaps",
    ),
    fact(
        "failure-weak-integration",
        "failure cause: weak integration with in-house teams (delays, duplicated work)",
        r"weak integration",
        r"duplicated work",
    ),
    fact(
        "trait-clear-direction",
        "trait: clear strategic direction",
        r"clear strategic direction",
    ),
    fact(
        "trait-communication-protocols",
        "trait: strong communication protocols",
        r"communication protocols",
    ),
    fact(
        "trait-accountability-results",
        "trait: accountability and measurable results",
        r"accountability and measurable results",
    ),
    fact(
        "trait-continuous-learning",
        "trait: talent and continuous learning",
        r"continuous learning",
    ),
    fact(
        "trait-seamless-integration",
        "trait: seamless integration with internal processes, culture and workflows",
        r"seamless integration",
    ),
    fact(
        "cadence",
        "weekly check-ins and monthly strategic reviews, without micromanaging",
        r"weekly check-ins",
        r"monthly strategic reviews",
        r"micromanag",
    ),
    fact(
        "knowledge-transfer",
        "knowledge transfer: document processes, collaboration tools, knowledge-sharing sessions",
        r"document (your )?processes",
        r"knowledge-sharing sessions",
    ),
    fact(
        "culture-affects-performance",
        "cultural differences affect communication, decision-making and problem solving",
        r"decision[- ]making|make decisions",
        r"problem[- ]solving|solve problems",
    ),
    fact(
        "structured-governance",
        "poor management raises risk; structured governance is essential",
        r"structured governance",
    ),
    fact(
        "cost-and-roi",
        "high-quality teams may cost more yet give a better return on investment",
        r"return on (the )?investment",
    ),
    fact(
        "partner-evidence",
        "evaluate partners through portfolios, case studies and client references",
        r"portfolio",
        r"case studies",
        r"references",
    ),
    fact(
        "partner-fit",
        "cultural and operational fit: work ethic, communication style and processes",
        r"work ethic",
        r"communication style",
    ),
    fact(
        "partner-contracts",
        "flexible contract models, clear SLAs and structured exit strategies",
        r"flexible contract",
        r"service[- ]level agreement",
        r"exit strateg",
    ),
    fact(
        "price-alone-backfires",
        "choosing on cost or reputation alone, without testing expertise, backfires",
        r"backfire",
    ),
    fact(
        "takeaway-day-one",
        "takeaway: set clear expectations from day one",
        r"clear expectations",
    ),
    fact(
        "takeaway-vet-partners",
        "takeaway: vet partners for talent, culture and adaptability",
        r"talent, culture and adaptability",
    ),
    # The outsourcing manager (Russian source).
    fact(
        "manager-role",
        "the outsourcing manager finds vendors who work well and cheaper than training staff",
        r"outsourcing manager",
        r"train(ing)? (its own |their own |in-house )?specialists",
    ),
    fact(
        "no-company-does-everything",
        "no company does every kind of work itself: it would be uneconomic",
        r"uneconomic",
    ),
    fact(
        "ukraine-programmers",
        "the source's claim that Ukrainian programmers earn 1.5-2 minimum wages is reported, "
        "and flagged as not reliable rather than repeated as a fact",
        r"ukrain",
        r"minimum wage",
        r"(1\.5|one and a half) ?(-|to) ?(2|two)",
        r"do not repeat that ratio",
    ),
    fact("apple-cupertino", "Apple's head office is in Cupertino", r"cupertino"),
    fact("apple-foxconn", "the iPhone is assembled by Foxconn", r"foxconn"),
    fact("apple-guangdong", "the source places iPhone assembly in Guangdong", r"guangdong"),
    fact("apple-samsung", "Samsung supplied processors", r"samsung", r"processor"),
    fact("apple-lg-display", "LG Display supplied liquid crystal displays", r"lg display"),
    fact(
        "make-or-buy",
        "first calculate whether making in-house or buying is cheaper",
        r"make[- ]or[- ]buy|make or buy",
    ),
    fact(
        "vendor-level",
        "vendor staff knowledge and qualifications are often below what is needed",
        r"qualifications[^.]{0,60}(below|lower than|short of)",
    ),
    fact(
        "transport-cost",
        "transport costs must always be considered",
        r"transport(ation)? costs?|cost of transport",
    ),
    fact(
        "unreliable-vendors",
        "do not sign with unreliable vendors: product and economics suffer",
        r"unreliable",
    ),
    fact(
        "customers-price-quality",
        "customers unhappy with price or quality leave",
        r"price or (the )?quality",
    ),
    fact(
        "backup-vendors",
        "keep one or two other companies ready to contract",
        r"one or two (other|alternative)",
    ),
    fact(
        "set-the-terms",
        "alternatives let the manager dictate the terms",
        r"(dictate|set|sets) (the )?(terms|working conditions)",
    ),
    fact("search-never-stops", "the search for vendors never stops", r"never stop"),
    fact(
        "manager-professionalism",
        "the manager's professionalism determines product quality and cuts costs to a minimum",
        r"professional",
        r"to a minimum",
    ),
    fact(
        "manager-pay",
        "outsourcing managers are paid well above average",
        r"above(?: the)? average",
    ),
    # Corrections and outside research (each with its citation on the same page).
    cited(
        "apple-zhengzhou",
        "by 2016 the largest iPhone factory was Foxconn's in Zhengzhou, Henan (NYT 2016)",
        r"barboza.{0,40}new york times.{0,40}2016",
        r"zhengzhou",
        r"henan",
        r"500,000",
    ),
    cited(
        "us-tax-rate-cut",
        "the top US federal corporate rate fell from 35 to 21 percent after 2017",
        r"new york law journal.{0,40}2018",
        r"35 percent",
        r"21 percent",
    ),
    cited(
        "kodak-1989",
        "1989 is the year of Kodak's IT outsourcing deal with IBM (Loh and Venkatraman 1992)",
        r"loh and n\. venkatraman \(1992\)",
        r"kodak",
        r"1989",
    ),
    cited(
        "herbsleb-mockus",
        "distributed work items took about 2.5 times as long (Herbsleb and Mockus 2003)",
        r"herbsleb and audris mockus \(2003\)",
        r"two and a half times",
    ),
    cited(
        "barthelemy-2001",
        "about 14% of 50 IT outsourcing efforts failed; four groups of hidden costs",
        r"barth[eé]lemy \(2001\).{0,80}mit sloan management review",
        r"50 it outsourcing efforts",
        r"14%",
        r"four groups of hidden costs",
    ),
    cited(
        "barthelemy-2003",
        "seven errors behind failed outsourcing, the first outsourcing what should stay",
        r"barth[eé]lemy \(2003\)",
        r"seven errors",
        r"activities that should not be outsourced",
    ),
    cited(
        "iso-37500",
        "ISO 37500:2014 gives guidance on the whole outsourcing life cycle",
        r"international organization for standardization",
        r"iso 37500:2014",
    ),
    cited(
        "deloitte-2012-exits",
        "48% ended an agreement early; 34% of them brought the work back in-house",
        r"deloitte consulting llp \(february 2013\)",
        r"48%",
        r"34%",
    ),
    # Contracts, law and data protection.
    fact(
        "not-legal-advice",
        "the law page says plainly that it is not legal advice",
        r"not legal advice",
    ),
    cited(
        "gdpr-article-28",
        "a vendor handling personal data is a processor bound by an Article 28 agreement",
        r"regulation \(eu\) 2016/679",
        r"article 28",
        r"processor",
        r"delete or return the data",
    ),
    cited(
        "gdpr-transfers",
        "transfers outside the EEA need an adequacy decision or standard contractual clauses",
        r"2021/914",
        r"articles 44-49",
        r"adequacy decision",
        r"standard contractual clauses",
    ),
    cited(
        "schrems-ii",
        "since Schrems II, SCC users must check the destination country's law",
        r"case c-311/18",
        r"schrems ii",
    ),
    cited(
        "acquired-rights",
        "staff can move with the work with their rights protected (Directive 2001/23/EC)",
        r"council directive 2001/23/ec",
        r"transfer itself is not a ground for dismissal",
    ),
    cited(
        "nordic-transfer-laws",
        "Sweden (LAS section 6 b) and Finland (Employment Contracts Act ch. 1 s. 10) apply it",
        r"eurofound",
        r"section 6 b",
        r"chapter 1, section 10",
        r"working environment act",
    ),
    cited(
        "misclassification-europe",
        "IR35 in the UK and the EU platform work directive's presumption of employment",
        r"hm revenue",
        r"ir35",
        r"2024/2831",
        r"presumption of employment",
    ),
    cited(
        "eba-guidelines",
        "EBA/GL/2019/02 apply from 30 September 2019: register, exit strategies, audit rights",
        r"european banking authority \(february 25, 2019\)",
        r"eba ?/gl/2019/02",
        r"30 september 2019",
        r"register of all outsourcing arrangements",
    ),
    cited(
        "dora",
        "DORA (Regulation (EU) 2022/2554) applies from 17 January 2025",
        r"regulation \(eu\) 2022/2554",
        r"17 january 2025",
        r"register of information",
    ),
    # Transition and exit playbook.
    cited(
        "transition-playbook",
        "a timeline, parallel running, knowledge transfer, acceptance criteria, exit plan, test",
        r"barth[eé]lemy \(2001\)",
        r"from signature to steady state",
        r"running both teams in parallel",
        r"knowledge-transfer checklist",
        r"acceptance criteria",
        r"exit plan",
        r"taken back",
    ),
    # RFP and contract checklist.
    fact(
        "contract-checklist",
        "the contract checklist covers liability, indemnities, IP, confidentiality, "
        "subcontractors, step-in, benchmarking, indexation, change control, termination",
        r"liability caps",
        r"indemnities",
        r"intellectual property",
        r"confidentiality",
        r"subcontractors",
        r"step-in rights",
        r"benchmarking",
        r"price indexation",
        r"change control",
        r"termination triggers",
    ),
    # Choosing between the alternatives.
    fact(
        "alternatives-decision-tree",
        "a decision tree over in-house, automation, staff augmentation, outsourcing, "
        "captive center and build-operate-transfer",
        r"decision tree",
        r"staff augmentation",
        r"captive cent(er|re)",
        r"build-operate-transfer",
        r"automation",
    ),
    # Cases.
    cited(
        "case-jpmorgan-ibm",
        "JPMorgan Chase ended its $5bn seven-year IBM deal in 2004; about 4,000 staff returned",
        r"cnet \(september 15, 2004\)",
        r"\$5 billion",
        r"4,000",
    ),
    cited(
        "case-sainsburys-accenture",
        "Sainsbury's ended its Accenture deal in 2005; bringing 470 staff back cost over £60m",
        r"accountancy age \(2006\)",
        r"470",
        r"£60 million",
    ),
    cited(
        "case-gm-insourcing",
        "GM moved from about 90% outsourced IT toward in-house, insourcing 9,000 by 2014",
        r"the auto channel \(august 22, 2014\)",
        r"90%",
        r"9,000",
    ),
    cited(
        "case-dell-support",
        "Dell moved corporate support calls back from Bangalore in 2003",
        r"associated press",
        r"bangalore",
        r"optiplex",
    ),
    cited(
        "case-swedish-transport-agency",
        "the Swedish Transport Agency bypassed security rules when outsourcing to IBM",
        r"the local sweden \(july 25, 2017\)",
        r"transportstyrelsen",
        r"70,000 kronor",
    ),
    # Europe and the Nordics.
    cited(
        "eu-labor-costs",
        "EU hourly labor costs averaged €31.8 in 2023, from €9.3 in Bulgaria",
        r"eurostat \(march 2024\)",
        r"€31\.8",
        r"€9\.3",
        r"12\.4%",
    ),
    fact(
        "nordic-currency-risk",
        "Nordic buyers paying in euros carry currency risk; choose the contract currency",
        r"currency risk",
        r"contract currency",
        r"pegged to the euro",
    ),
    fact(
        "nearshore-options",
        "nearshore options for Nordic buyers: the Baltics, Poland, Portugal",
        r"estonia, latvia, lithuania",
        r"poland",
        r"portugal",
    ),
)


def test_fact_ids_are_unique() -> None:
    ids = [f.id for f in FACTS]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, f"duplicate fact ids: {duplicates}"


@pytest.mark.parametrize("item", [f for f in FACTS if f.cite], ids=[f.id for f in FACTS if f.cite])
def test_cited_fact_sits_with_its_citation(page_texts: dict[str, str], item: Fact) -> None:
    homes = [
        name
        for name, text in page_texts.items()
        if re.search(item.cite, text) and all(re.search(p, text) for p in item.patterns)
    ]
    assert homes, (
        f"fact {item.id!r} ({item.what}) is not on any page together with its citation "
        f"{item.cite!r}"
    )


@pytest.mark.parametrize("item", FACTS, ids=[f.id for f in FACTS])
def test_site_keeps_fact(site_text: str, item: Fact) -> None:
    missing = [p for p in item.patterns if not re.search(p, site_text)]
    assert not missing, (
        f"fact {item.id!r} is missing from the built site ({item.what}); "
        f"no match for: {', '.join(missing)}"
    )
