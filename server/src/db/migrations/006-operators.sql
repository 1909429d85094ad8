-- Operator roles (decision 020): who may run the platform's screens, and for which region
-- (jurisdiction). Made and withdrawn only by `npm run admin`; there is no default admin.
create table operator_grants (
  account_id uuid not null references accounts(id) on delete cascade,
  role text not null check (role in ('admin', 'moderator', 'support', 'auditor')),
  jurisdiction text not null,
  granted_at timestamptz not null default now(),
  primary key (account_id, role, jurisdiction)
);

-- A video only adults may see: its creator's choice or a moderator's label. The visibility rule
-- (videos/visibility.ts) reads it; restricted mode hides it from adults who chose so.
alter table videos add column adult_only boolean not null default false;
