/** The platform's roles (src/BuildingBlocks/BuildingBlocks.Application/Security/Roles.cs). PlatformAdmin passes every staff policy. */
export const Role = {
  PlatformAdmin: "PlatformAdmin",
  FinanceOperator: "FinanceOperator",
  BillingOperator: "BillingOperator",
  RiskManager: "RiskManager",
  MerchantAdmin: "MerchantAdmin",
  MerchantUser: "MerchantUser",
} as const;

const operators = [Role.FinanceOperator, Role.BillingOperator, Role.RiskManager];
const merchantStaff = [Role.MerchantAdmin, Role.MerchantUser];

/** Who may do what, as docs/roles.md says; the API enforces it, the console only hides what a role cannot use. */
export const Allowed = {
  readOrganizations: [...operators, ...merchantStaff],
  addContact: [Role.BillingOperator, Role.MerchantAdmin],
  readUsers: [...operators, Role.MerchantAdmin],
  manageUsers: [Role.MerchantAdmin],
  readCatalogue: [...operators, ...merchantStaff],
  manageCatalogue: [Role.MerchantAdmin],
  readOrders: [...operators, ...merchantStaff],
  readBulkOrders: [...operators, ...merchantStaff],
  readMerchants: [...operators, ...merchantStaff],
  manageMerchants: [] as string[],
  readTransactions: [...operators, ...merchantStaff],
  readProjects: [...operators, ...merchantStaff],
  manageProjects: [Role.MerchantAdmin],
  handleAcquiringErrors: [Role.FinanceOperator],
  readAcquiringMetrics: [Role.FinanceOperator],
  reviewFraud: [Role.RiskManager],
  readLedger: [Role.FinanceOperator, Role.MerchantAdmin],
  operateBilling: [Role.BillingOperator],
};

export type Permission = keyof typeof Allowed;

export function may(roles: readonly string[], permission: Permission): boolean {
  return roles.includes(Role.PlatformAdmin) || Allowed[permission].some((role) => roles.includes(role));
}

/** A platform admin names the organization it acts for; merchant admins act for their own. */
export function namesOrganization(roles: readonly string[]): boolean {
  return roles.includes(Role.PlatformAdmin);
}
