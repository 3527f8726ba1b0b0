/* Queries behind the users service (generated: users.queries.ts). */

/* @name SetUserActive */
select api.set_user_active(:userId!, :isActive!) as "isActive!";
