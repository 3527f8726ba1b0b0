/*
  Pending OAuth authorisations (PKCE), kept 10 minutes, consumed once.
  Generated code: src/accounts/oauth-sessions.queries.ts (npm run codegen).
*/

/* @name CreateOauthSession */
select api.create_oauth_session(:platform!, :flow!, :state!, :codeVerifier!, :codeChallenge, :proxy, :details,
  :keyring!, make_interval(secs => :ttlSeconds!)) as "id!";

/* @name TakeOauthSession */
select * from api.take_oauth_session(:id!, :keyring!);
