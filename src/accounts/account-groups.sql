/*
  Queries behind the account-group service (api.*_account_group functions).
  Generated code: src/accounts/account-groups.queries.ts (npm run codegen).
*/

/* @name CreateAccountGroup */
select * from api.create_account_group(:settings!);

/* @name GetAccountGroup */
select * from api.get_account_group(:id!);

/* @name ListAccountGroups */
select * from api.list_account_groups(:platform);

/* @name UpdateAccountGroup */
select * from api.update_account_group(:id!, :changes!);

/* @name DeleteAccountGroup */
select api.delete_account_group(:id!, :unbindKeys!) as "unboundKeys!";

/* @name SetAccountGroupMembers */
select * from api.set_account_group_members(:id!, :accountIds!);
