-- Look-alike usernames are refused at sign-up by comparing skeletons (accounts/confusables.ts);
-- this index lets the database find an existing skeleton without reading every account.
create index accounts_username_skeleton_idx on accounts ((replace(replace(lower(translate(username, 'I1|0', 'lllo')), 'rn', 'm'), 'vv', 'w')));
