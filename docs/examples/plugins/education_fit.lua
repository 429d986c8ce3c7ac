-- SPDX-License-Identifier: MIT
-- docs/examples/plugins/education_fit.lua - an example rubric: education against COO roles.
--
-- Small on purpose: it is the worked example in docs/plugins.md. The facts come from
-- ../shared/domain.md: a bachelor's in business administration or a related field is the
-- expected education (seed 003); an MBA is common but not essential (seeds 000, 002, 003);
-- operations managers may hold APICS or ISM certifications (seed 002).

local business_fields = {}
for _, id in ipairs(cadre.vocab.field) do
  if cadre.vocab.field[id].business then business_fields[id] = true end
end

local degree_score = {none = 0, high_school = 10, associate = 40, bachelor = 80, master = 100,
                      doctorate = 100}

return {
  name = "education_fit",
  version = "1.0.0",
  title = "Education fit",
  description = "Degree, field of study, MBA and operations certifications against what COO "
             .. "roles ask for.",

  bands = {
    {min = 75, label = "meets the usual expectation"},
    {min = 40, label = "partly meets it"},
    {min = 0,  label = "below the usual expectation"},
  },

  criteria = {
    {id = "degree", label = "Degree level", weight = 4,
     inputs = {"education.highest_degree"},
     score = function(c)
       local d = c.education.highest_degree
       if d == nil then return nil, "highest degree not given" end
       return degree_score[d], "highest degree: " .. d:gsub("_", " ")
     end},

    {id = "field", label = "Field of study", weight = 3,
     inputs = {"education.field"},
     score = function(c)
       local f = c.education.field
       if f == nil then return nil, "field of study not given" end
       if business_fields[f] then
         return 100, cadre.label("field", f) .. " counts as business or a related field"
       end
       return 40, cadre.label("field", f) .. " is not business-related; COO roles usually ask "
                .. "for business administration or a related field"
     end},

    {id = "mba", label = "MBA", weight = 2,
     inputs = {"education.mba"},
     score = function(c)
       local mba = c.education.mba
       if mba == nil then return nil, "MBA not stated" end
       -- Common but not essential (seeds 000, 002, 003): without one, half marks, not zero.
       if mba then return 100, "holds an MBA" end
       return 50, "no MBA: common among COOs but not essential"
     end},

    {id = "certifications", label = "Operations certifications", weight = 1,
     score = function(c)
       for _, id in ipairs({"apics_cpim", "apics_cscp", "apics_cltd", "ism_cpsm"}) do
         if cadre.has(c.certifications, id) then
           return 100, cadre.label("certification", id) .. ", an operations certification employers ask for"
         end
       end
       return 0, "no APICS or ISM certification"
     end},
  },

  advise = function(c, p, r, view)
    if c.education.mba == false and (c.experience.management_years or 0) < 10 then
      r:gap("You have no MBA and under 10 years of management.",
            "An MBA is not essential, but it is a common way to build the financial and "
            .. "strategic grounding COO roles expect; an executive MBA fits alongside work.")
    end
    if view.criteria.degree and view.criteria.degree.score >= 80 then
      r:strength("Your degree meets the bachelor's-or-higher expectation for a COO.")
    end
  end,
}
