-- 0008: identities whose facts point at two different people.
-- Identity linking (pipeline/identities) keeps the link of the higher-priority rule and records
-- the losing candidate here, so `codeledger identities` and analysts can see and settle it (an
-- entry in the identity override file wins over every rule). Rebuilt on every run.

CREATE TABLE core.identity_conflicts (
  identity_id     text NOT NULL,
  person_id       text,
  link_rule       text,
  other_person_id text NOT NULL,
  other_rule      text NOT NULL,
  evidence        text,
  PRIMARY KEY (identity_id, other_person_id)
);

COMMENT ON TABLE core.identity_conflicts IS 'One row per identity and competing person: the identity''s facts (e-mail, login, noreply address, roster entry) point at a person other than the one it was linked to. Settle it in the identity override file.';
COMMENT ON COLUMN core.identity_conflicts.identity_id IS 'The ambiguous identity (core.identities).';
COMMENT ON COLUMN core.identity_conflicts.person_id IS 'The person the identity was linked to (core.people): the candidate of the higher-priority rule.';
COMMENT ON COLUMN core.identity_conflicts.link_rule IS 'Rule that linked the identity to person_id (as in core.identities.link_rule).';
COMMENT ON COLUMN core.identity_conflicts.other_person_id IS 'The competing person (core.people) the identity was not linked to.';
COMMENT ON COLUMN core.identity_conflicts.other_rule IS 'Rule that pointed at the competing person: roster, noreply_id, exact_email or login.';
COMMENT ON COLUMN core.identity_conflicts.evidence IS 'The fact behind the competing link, e.g. "e-mail ann@example.com is also used by github:ann-lee".';
