# SPDX-License-Identifier: MIT
"""tests/properties/people.py - realistic generated profiles for the property test.

A career is drawn first (years of work, then the share spent managing, in operations and at
executive level, by seniority), and the rest follows from it: scope grows with level, skills
scatter around a level that grows with management years, achievements reach further with
seniority. The same seed always gives the same people. `implausible()` spoils one realistic
profile in one of the ways core/candidate/plausible.c must catch.
"""
import random

LEVELS = ["individual_contributor", "supervisor", "manager", "senior_manager", "director",
          "vice_president", "c_suite"]
INDUSTRIES = ["healthcare", "technology", "manufacturing", "retail", "finance", "education",
              "nonprofit", "hospitality", "logistics", "energy"]
SKILLS = ["leadership", "strategic_planning", "decision_making", "communication", "organization",
          "financial_management", "execution", "cross_functional_management",
          "process_management", "stakeholder_management", "mentoring", "process_improvement",
          "change_management", "cost_management", "quality_management", "performance_metrics",
          "data_analysis", "negotiation", "risk_management", "regulatory_compliance",
          "people_management", "hiring", "team_building", "problem_solving",
          "technology_management", "digital_transformation", "customer_service",
          "sales_marketing", "financial_reporting", "innovation", "supply_chain", "logistics"]
FUNCTIONS = ["operations", "operations", "operations", "supply_chain", "finance", "technology",
             "engineering", "customer_service", "general_management", "sales_marketing"]
KINDS = ["efficiency", "cost_reduction", "change_initiative", "process_improvement", "quality",
         "revenue_growth", "other"]
REACH = ["team", "department", "division", "company"]
DEGREES = ["high_school", "associate", "bachelor", "bachelor", "bachelor", "master", "master"]
FIELDS = ["business_administration", "engineering", "finance", "operations_management",
          "supply_chain_management", "computer_science", "humanities", "accounting"]


def person(rng, i):
    total = rng.randint(2, 38)
    mgmt = round(min(total, max(0, total * rng.uniform(0.1, 0.85) - rng.uniform(0, 3))), 1)
    ops = round(min(total, total * rng.uniform(0, 1)), 1)
    exe = round(min(mgmt, max(0, mgmt - rng.uniform(5, 14))), 1) if mgmt > 6 else 0
    if exe >= total:
        exe = max(0, total - 1)
    level = min(6, int(mgmt / 3.5) + (1 if mgmt > 0 else 0) + (1 if exe > 0 else 0))
    level = max(0, min(6, level + rng.choice([-1, 0, 0, 1])))
    base = 1.5 + min(mgmt, 20) / 8 + rng.uniform(-0.7, 0.7)
    skills = {}
    for s in rng.sample(SKILLS, rng.randint(8, len(SKILLS))):
        v = int(round(min(5, max(0, base + rng.uniform(-1.3, 1.3)))))
        skills[s] = {"level": v, "evidence": "example %d" % i} if rng.random() < 0.15 else v
    if skills and all((v if isinstance(v, int) else v["level"]) == 5 for v in skills.values()):
        skills[next(iter(skills))] = 4
    home = rng.choice(INDUSTRIES)
    inds = {home: round(total * rng.uniform(0.5, 1), 1)}
    if rng.random() < 0.4:
        inds[rng.choice(INDUSTRIES)] = round(total * rng.uniform(0, 0.4), 1)
    people = int(max(0, 5 * (2.2 ** level) * rng.uniform(0.5, 2))) if mgmt > 0 else 0
    p = {
        "id": "gen-%04d" % i,
        "experience": {"total_years": total, "management_years": mgmt, "executive_years": exe,
                       "operations_years": ops},
        "current_role": {"title": "Generated role", "level": LEVELS[level],
                         "function": rng.choice(FUNCTIONS),
                         "reports_to_ceo": level >= 5 and rng.random() < 0.7},
        "education": {"highest_degree": rng.choice(DEGREES), "field": rng.choice(FIELDS),
                      "mba": False},
        "industries": inds,
        "skills": skills,
        "scope": {"people_led": people, "direct_reports": min(people, rng.randint(0, 12)),
                  "budget_usd": round(people * rng.uniform(40e3, 150e3), -3),
                  "departments": max(0, min(9, level - 1 + rng.randint(-1, 1))),
                  "pnl_owner": level >= 4 and rng.random() < 0.5,
                  "hiring_authority": level >= 2 and rng.random() < 0.8},
        "achievements": [
            {"kind": rng.choice(KINDS), "description": "change %d.%d" % (i, k),
             "reach": REACH[max(0, min(3, level // 2 + rng.randint(-1, 0)))],
             **({"impact_pct": rng.randint(2, 40)} if rng.random() < 0.6 else {})}
            for k in range(rng.randint(0, 3))],
        "preferences": {"max_weekly_hours": rng.choice([40, 45, 50, 55, 60]),
                        "travel": rng.choice(["none", "occasional", "frequent", "extensive"]),
                        "pressure": rng.choice(["low", "moderate", "high"])},
        "targets": {"role": rng.choice(["coo", "coo", "operations_manager"]),
                    "industries": [home]},
    }
    for flag, chance in (("board_exposure", 0.1 * level), ("mergers", 0.05 * level),
                         ("multi_site", 0.1 * level), ("international", 0.05 * level),
                         ("crisis_leadership", 0.2)):
        if rng.random() < 0.5:
            p["experience"][flag] = rng.random() < chance
    if rng.random() < 0.3:
        p["experience"]["functions_led"] = rng.sample(FUNCTIONS[3:], rng.randint(1, 3))
    if rng.random() < 0.5:
        sizes = ["startup", "scale_up", "mid_size", "enterprise"]
        p["current_role"]["company_size"] = rng.choice(sizes)
        p["targets"]["company_size"] = rng.choice(sizes)
    if p["education"]["highest_degree"] == "master" and rng.random() < 0.5:
        p["education"]["mba"] = True
        p["education"]["field"] = "business_administration"
    return p


def people(n, seed=10):
    rng = random.Random(seed)
    return [person(rng, i) for i in range(n)]


def implausible(p, how):
    """Spoils profile p (a copy) one way; `how` is 0..6, one per check in plausible.c."""
    import copy
    q = copy.deepcopy(p)
    q["id"] = p["id"] + "-implausible-%d" % how
    e, s = q["experience"], q["scope"]
    if how == 0:
        s["people_led"] = max(s["people_led"], 3000)
        s["direct_reports"] = 3000
    elif how == 1:
        s["pnl_owner"] = True
        s["budget_usd"] = 0
    elif how == 2:
        e["executive_years"] = e["total_years"]
        e["management_years"] = e["total_years"]
    elif how == 3:
        q["industries"] = {i: e["total_years"] for i in INDUSTRIES}
    elif how == 4:
        q["achievements"] = q["achievements"] + [
            {"kind": "revenue_growth", "description": "grew", "impact_pct": 9000,
             "reach": "company"}]
    elif how == 5:
        q["preferences"]["max_weekly_hours"] = 168
    else:
        q["skills"] = {k: 5 for k in SKILLS[:12]}
    return q
