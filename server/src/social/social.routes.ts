// HTTP for follows, likes, saves, shares, views and comments.
import {
  approveCommentResult,
  commentFilters,
  commentFiltersBody,
  heldCommentPage,
  commentBody,
  commentPage,
  commentParams,
  commentResponse,
  cursorQuery,
  followRequestDecision,
  followRequestPage,
  followResult,
  likeResult,
  saveResult,
  shareBody,
  shareResult,
  usernameParams,
  videoParams,
  viewBody,
} from '@cliptide/contract';
import type { Router } from '../http/route.ts';
import type { SocialService } from './social.service.ts';

export function socialRoutes(route: Router, social: SocialService, limits: { writePerMinute: number }) {
  // per account, and per address at four times that: people behind one NAT share an address
  const rateLimit = { perAccount: limits.writePerMinute, perAddress: limits.writePerMinute * 4 };
  route({
    method: 'GET',
    url: '/api/v1/me/follow-requests',
    summary: 'People waiting for approval to follow this (private) account, newest first',
    tag: 'social',
    auth: 'required',
    query: cursorQuery,
    response: followRequestPage,
    handler: ({ viewer, query }) => social.followRequests(viewer.id, query.cursor),
  });
  for (const [decision, approve] of [['approve', true], ['decline', false]] as const) {
    route({
      method: 'POST',
      url: `/api/v1/me/follow-requests/:username/${decision}`,
      summary: approve ? 'Approve a follow request: they follow you and see your videos' : 'Decline a follow request',
      tag: 'social',
      auth: 'required',
      params: usernameParams,
      response: followRequestDecision,
      errors: ['not_found'],
      rateLimit,
      handler: ({ viewer, params }) => social.decideFollowRequest(viewer.id, params.username, approve),
    });
  }

  for (const [method, on] of [['PUT', true], ['DELETE', false]] as const) {
    route({
      method,
      url: '/api/v1/users/:username/follow',
      summary: on ? 'Follow a creator (a private account: ask to, the owner approves)' : 'Unfollow a creator (or withdraw a follow request)',
      tag: 'social',
      rateLimit,
      auth: 'required',
      params: usernameParams,
      response: followResult,
      errors: ['not_found', 'blocked'],
      handler: ({ viewer, params }) => social.follow(viewer.id, params.username, on),
    });
    route({
      method,
      url: '/api/v1/videos/:id/like',
      summary: on ? 'Like a video' : 'Remove a like',
      tag: 'social',
      rateLimit,
      auth: 'required',
      params: videoParams,
      response: likeResult,
      errors: ['not_found'],
      handler: ({ viewer, params }) => social.like(viewer.id, params.id, on),
    });
    route({
      method,
      url: '/api/v1/videos/:id/save',
      summary: on ? 'Save a video' : 'Remove from saved',
      tag: 'social',
      rateLimit,
      auth: 'required',
      params: videoParams,
      response: saveResult,
      errors: ['not_found'],
      handler: ({ viewer, params }) => social.save(viewer.id, params.id, on),
    });
  }

  route({
    method: 'POST',
    url: '/api/v1/videos/:id/shares',
    summary: 'Count a share',
    tag: 'social',
    rateLimit,
    auth: 'optional',
    params: videoParams,
    body: shareBody,
    response: shareResult,
    errors: ['not_found'],
    handler: ({ viewer, params, body }) => social.share(viewer?.id ?? null, params.id, body?.channel ?? null),
  });

  route({
    method: 'POST',
    url: '/api/v1/videos/:id/views',
    summary: 'Report watch time, completion and replays of one viewing',
    tag: 'social',
    rateLimit,
    auth: 'optional',
    params: videoParams,
    body: viewBody,
    status: 204,
    response: null,
    errors: ['not_found'],
    handler: ({ viewer, params, body }) =>
      social.view(viewer?.id ?? null, params.id, { watchedMs: body.watchedMs, completed: body.completed, replays: body.replays, source: body.source ?? null }),
  });

  route({
    method: 'GET',
    url: '/api/v1/videos/:id/comments',
    summary: 'Top-level comments, newest first',
    tag: 'social',
    auth: 'optional',
    params: videoParams,
    query: cursorQuery,
    response: commentPage,
    errors: ['not_found'],
    handler: ({ viewer, params, query }) => social.listComments(params.id, viewer?.id ?? null, query.cursor),
  });

  route({
    method: 'GET',
    url: '/api/v1/comments/:id/replies',
    summary: 'Replies to a comment, oldest first',
    tag: 'social',
    auth: 'optional',
    params: commentParams,
    query: cursorQuery,
    response: commentPage,
    errors: ['not_found'],
    handler: ({ viewer, params, query }) => social.listReplies(params.id, viewer?.id ?? null, query.cursor),
  });

  route({
    method: 'POST',
    url: '/api/v1/videos/:id/comments',
    summary: 'Comment, or reply to a comment',
    tag: 'social',
    rateLimit,
    auth: 'required',
    params: videoParams,
    body: commentBody,
    status: 201,
    response: commentResponse,
    errors: ['not_found', 'comments_disabled', 'blocked', 'email_unverified'],
    handler: async ({ viewer, params, body }) => ({ comment: await social.comment(viewer.id, params.id, body.body, body.parentId ?? null) }),
  });

  route({
    method: 'DELETE',
    url: '/api/v1/comments/:id',
    summary: 'Delete a comment (its author or the video author)',
    tag: 'social',
    rateLimit,
    auth: 'required',
    params: commentParams,
    status: 204,
    response: null,
    errors: ['not_found', 'forbidden'],
    handler: ({ viewer, params }) => social.deleteComment(viewer.id, params.id),
  });

  route({
    method: 'GET',
    url: '/api/v1/me/comment-filters',
    summary: 'Your comment filters: keywords and the age of accounts whose comments on your videos are held for you to approve',
    tag: 'social',
    auth: 'required',
    response: commentFilters,
    handler: ({ viewer }) => social.commentFilters(viewer.id),
  });

  route({
    method: 'PUT',
    url: '/api/v1/me/comment-filters',
    summary: 'Change your comment filters (what is left out stays as it was)',
    tag: 'social',
    rateLimit,
    auth: 'required',
    body: commentFiltersBody,
    response: commentFilters,
    handler: ({ viewer, body }) => social.setCommentFilters(viewer.id, body),
  });

  route({
    method: 'GET',
    url: '/api/v1/me/held-comments',
    summary: 'Comments your filters held on your videos, newest first: only you and each comment’s author see them',
    tag: 'social',
    auth: 'required',
    query: cursorQuery,
    response: heldCommentPage,
    handler: ({ viewer, query }) => social.heldComments(viewer.id, query.cursor),
  });

  route({
    method: 'POST',
    url: '/api/v1/comments/:id/approve',
    summary: 'Publish a held comment on your video (delete it with DELETE /api/v1/comments/:id)',
    tag: 'social',
    rateLimit,
    auth: 'required',
    params: commentParams,
    response: approveCommentResult,
    errors: ['not_found'],
    handler: async ({ viewer, params }) => ({ comment: await social.approveComment(viewer.id, params.id) }),
  });
}
