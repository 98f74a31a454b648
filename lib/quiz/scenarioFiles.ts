/**
 * Built-in scenarios that predict-then-run draws steps from (content/scenarios/*.json), as raw JSON.
 * A curated list: a scenario added to the folder joins predict-then-run once it is listed here.
 */
import s_assume_root_member_account from '../../content/scenarios/assume-root-member-account.json';
import s_bool_if_exists_mfa_trap from '../../content/scenarios/bool-if-exists-mfa-trap.json';
import s_bucket_policy_role_vs_session_arn from '../../content/scenarios/bucket-policy-role-vs-session-arn.json';
import s_cognito_identity_pool_roles from '../../content/scenarios/cognito-identity-pool-roles.json';
import s_cross_account_both_sides from '../../content/scenarios/cross-account-both-sides.json';
import s_cross_account_external_id from '../../content/scenarios/cross-account-external-id.json';
import s_decode_authorization_message from '../../content/scenarios/decode-authorization-message.json';
import s_expired_and_unknown_credentials from '../../content/scenarios/expired-and-unknown-credentials.json';
import s_explicit_deny_blocks_assume_role from '../../content/scenarios/explicit-deny-blocks-assume-role.json';
import s_get_access_key_info from '../../content/scenarios/get-access-key-info.json';
import s_get_caller_identity_principals from '../../content/scenarios/get-caller-identity-principals.json';
import s_get_federation_token from '../../content/scenarios/get-federation-token.json';
import s_get_session_token_mfa from '../../content/scenarios/get-session-token-mfa.json';
import s_get_session_token_root_vs_user from '../../content/scenarios/get-session-token-root-vs-user.json';
import s_github_actions_sub_wildcard from '../../content/scenarios/github-actions-sub-wildcard.json';
import s_google_aud_azp from '../../content/scenarios/google-aud-azp.json';
import s_max_session_duration from '../../content/scenarios/max-session-duration.json';
import s_mfa_protected_role from '../../content/scenarios/mfa-protected-role.json';
import s_mfa_session_then_assume_role from '../../content/scenarios/mfa-session-then-assume-role.json';
import s_oidc_provider_missing from '../../content/scenarios/oidc-provider-missing.json';
import s_oidc_token_failures from '../../content/scenarios/oidc-token-failures.json';
import s_permissions_boundary_limits_session from '../../content/scenarios/permissions-boundary-limits-session.json';
import s_quiz_calls_policies_cannot_stop from '../../content/scenarios/quiz-calls-policies-cannot-stop.json';
import s_quiz_external_id_ignored from '../../content/scenarios/quiz-external-id-ignored.json';
import s_quiz_federation_token_limits from '../../content/scenarios/quiz-federation-token-limits.json';
import s_quiz_oidc_trust_conditions from '../../content/scenarios/quiz-oidc-trust-conditions.json';
import s_quiz_parameter_validation from '../../content/scenarios/quiz-parameter-validation.json';
import s_quiz_scp_management_account from '../../content/scenarios/quiz-scp-management-account.json';
import s_quiz_session_policy_and_resource_policies from '../../content/scenarios/quiz-session-policy-and-resource-policies.json';
import s_quiz_session_tags_in_chains from '../../content/scenarios/quiz-session-tags-in-chains.json';
import s_quiz_trust_explicit_deny from '../../content/scenarios/quiz-trust-explicit-deny.json';
import s_quiz_trust_principal_forms from '../../content/scenarios/quiz-trust-principal-forms.json';
import s_region_disabled from '../../content/scenarios/region-disabled.json';
import s_role_chaining_one_hour from '../../content/scenarios/role-chaining-one-hour.json';
import s_role_self_assumption from '../../content/scenarios/role-self-assumption.json';
import s_root_cannot_assume_role from '../../content/scenarios/root-cannot-assume-role.json';
import s_same_account_root_trust from '../../content/scenarios/same-account-root-trust.json';
import s_saml_assertion_failures from '../../content/scenarios/saml-assertion-failures.json';
import s_saml_federation_session_length from '../../content/scenarios/saml-federation-session-length.json';
import s_scp_denies_assume_role from '../../content/scenarios/scp-denies-assume-role.json';
import s_session_policy_narrows_role from '../../content/scenarios/session-policy-narrows-role.json';
import s_session_policy_vs_bucket_policy from '../../content/scenarios/session-policy-vs-bucket-policy.json';
import s_session_tags_need_tag_session from '../../content/scenarios/session-tags-need-tag-session.json';
import s_source_identity_chain from '../../content/scenarios/source-identity-chain.json';
import s_transitive_tags_chain from '../../content/scenarios/transitive-tags-chain.json';
import s_trust_any_principal_in_org from '../../content/scenarios/trust-any-principal-in-org.json';
import s_trust_conditions_session_name_and_ip from '../../content/scenarios/trust-conditions-session-name-and-ip.json';
import s_web_identity_then_chain from '../../content/scenarios/web-identity-then-chain.json';
import s_org_paths_trust from '../../content/scenarios/org-paths-trust.json';
import s_rcp_guards_roles from '../../content/scenarios/rcp-guards-roles.json';
import s_scp_ou_levels from '../../content/scenarios/scp-ou-levels.json';
import s_github_actions_environment_deploy from '../../content/scenarios/github-actions-environment-deploy.json';
import s_identity_enhanced_session from '../../content/scenarios/identity-enhanced-session.json';
import s_org_tree_scp_and_rcp from '../../content/scenarios/org-tree-scp-and-rcp.json';
import s_get_web_identity_token from '../../content/scenarios/get-web-identity-token.json';
import s_github_actions_provider_claim_keys from '../../content/scenarios/github-actions-provider-claim-keys.json';

/** Scenario id → parsed JSON. */
export const scenarioFiles: Readonly<Record<string, unknown>> = {
  'assume-root-member-account': s_assume_root_member_account,
  'bool-if-exists-mfa-trap': s_bool_if_exists_mfa_trap,
  'bucket-policy-role-vs-session-arn': s_bucket_policy_role_vs_session_arn,
  'cognito-identity-pool-roles': s_cognito_identity_pool_roles,
  'cross-account-both-sides': s_cross_account_both_sides,
  'cross-account-external-id': s_cross_account_external_id,
  'decode-authorization-message': s_decode_authorization_message,
  'expired-and-unknown-credentials': s_expired_and_unknown_credentials,
  'explicit-deny-blocks-assume-role': s_explicit_deny_blocks_assume_role,
  'get-access-key-info': s_get_access_key_info,
  'get-caller-identity-principals': s_get_caller_identity_principals,
  'get-federation-token': s_get_federation_token,
  'get-session-token-mfa': s_get_session_token_mfa,
  'get-session-token-root-vs-user': s_get_session_token_root_vs_user,
  'github-actions-sub-wildcard': s_github_actions_sub_wildcard,
  'google-aud-azp': s_google_aud_azp,
  'max-session-duration': s_max_session_duration,
  'mfa-protected-role': s_mfa_protected_role,
  'mfa-session-then-assume-role': s_mfa_session_then_assume_role,
  'oidc-provider-missing': s_oidc_provider_missing,
  'oidc-token-failures': s_oidc_token_failures,
  'permissions-boundary-limits-session': s_permissions_boundary_limits_session,
  'quiz-calls-policies-cannot-stop': s_quiz_calls_policies_cannot_stop,
  'quiz-external-id-ignored': s_quiz_external_id_ignored,
  'quiz-federation-token-limits': s_quiz_federation_token_limits,
  'quiz-oidc-trust-conditions': s_quiz_oidc_trust_conditions,
  'quiz-parameter-validation': s_quiz_parameter_validation,
  'quiz-scp-management-account': s_quiz_scp_management_account,
  'quiz-session-policy-and-resource-policies': s_quiz_session_policy_and_resource_policies,
  'quiz-session-tags-in-chains': s_quiz_session_tags_in_chains,
  'quiz-trust-explicit-deny': s_quiz_trust_explicit_deny,
  'quiz-trust-principal-forms': s_quiz_trust_principal_forms,
  'region-disabled': s_region_disabled,
  'role-chaining-one-hour': s_role_chaining_one_hour,
  'role-self-assumption': s_role_self_assumption,
  'root-cannot-assume-role': s_root_cannot_assume_role,
  'same-account-root-trust': s_same_account_root_trust,
  'saml-assertion-failures': s_saml_assertion_failures,
  'saml-federation-session-length': s_saml_federation_session_length,
  'scp-denies-assume-role': s_scp_denies_assume_role,
  'session-policy-narrows-role': s_session_policy_narrows_role,
  'session-policy-vs-bucket-policy': s_session_policy_vs_bucket_policy,
  'session-tags-need-tag-session': s_session_tags_need_tag_session,
  'source-identity-chain': s_source_identity_chain,
  'transitive-tags-chain': s_transitive_tags_chain,
  'trust-any-principal-in-org': s_trust_any_principal_in_org,
  'trust-conditions-session-name-and-ip': s_trust_conditions_session_name_and_ip,
  'web-identity-then-chain': s_web_identity_then_chain,
  'org-paths-trust': s_org_paths_trust,
  'rcp-guards-roles': s_rcp_guards_roles,
  'scp-ou-levels': s_scp_ou_levels,
  'github-actions-environment-deploy': s_github_actions_environment_deploy,
  'identity-enhanced-session': s_identity_enhanced_session,
  'org-tree-scp-and-rcp': s_org_tree_scp_and_rcp,
  'get-web-identity-token': s_get_web_identity_token,
  'github-actions-provider-claim-keys': s_github_actions_provider_claim_keys,
};
