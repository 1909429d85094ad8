-- Collections (decision 028): liked videos are private unless their owner shows them on the profile.
alter table accounts add column likes_public boolean not null default false;
create index likes_account_idx on likes (account_id, created_at desc);
create index saves_account_idx on saves (account_id, created_at desc);
create index follows_followee_time_idx on follows (followee_id, created_at desc);
create index follows_follower_time_idx on follows (follower_id, created_at desc);
