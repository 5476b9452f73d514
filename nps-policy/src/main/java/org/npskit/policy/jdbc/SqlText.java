package org.npskit.policy.jdbc;

/**
 * The SQL statements of the store's operations in portable SQL, rendered once for a validated
 * table prefix (the schema's own statements are {@link JdbcSchema}'s, the PostgreSQL survey
 * statement is {@link PostgresCommit}'s). Values are always bound parameters ({@code ?}); the
 * prefix is the only spliced text and is validated by {@link
 * SqlIdentifiers#requireValidPrefix(String)} first.
 *
 * @param load one statement reading everything a decision without account needs (one round
 *     trip, one snapshot): parameters order id, then customer id three times. The surveys and
 *     responses are selected by key only, so the only usable index is the key's (customer id,
 *     time) index; the store filters the query's time range itself. With a time range in SQL, a
 *     planner without statistics (a new or freshly filled table) may scan the whole time index
 *     instead, which cost PostgreSQL about 2 ms per decision at 8,000 decisions.
 * @param loadWithAccount {@code load} plus the account's row and surveys: further parameters
 *     account id twice
 * @param loadWithOrders {@code load} plus the customer's decided orders (the frequent-buyer
 *     rule): a further parameter, the customer id
 * @param loadWithAccountAndOrders {@code loadWithAccount} plus the customer's decided orders: a
 *     further parameter, the customer id
 * @param updateCustomerVersion conditional version bump of a customer (optimistic check)
 * @param insertCustomer first row of a customer (unique key: the insert-then-retry path)
 * @param bumpCustomer unconditional version bump of a customer
 * @param setOptedOut opt-out flag change with version bump
 * @param insertCustomerOptedOut first row of a customer with an opt-out flag
 * @param updateAccountVersion conditional version bump of an account
 * @param insertAccount first row of an account
 * @param bumpAccount unconditional version bump of an account
 * @param decisionOwner reads the customer and account of a decided order
 * @param customerAccounts reads the accounts a customer's decisions carried
 * @param insertDecisionInto the head of a decision insert, {@code INSERT INTO} table and columns,
 *     for a statement that supplies the values itself
 * @param insertDecision a decided order (unique key: the order id)
 * @param cancel releases a recorded survey
 * @param insertResponse a recorded response
 * @param purgeDecisions deletes one batch of decisions older than an instant
 * @param purgeResponses deletes the old responses of one batch of customers
 * @param purgeCustomers deletes one batch of customer rows that hold nothing but a version
 * @param purgeAccounts deletes one batch of account rows without decisions
 * @param eraseDecisions deletes a customer's decisions
 * @param eraseResponses deletes a customer's responses
 * @param eraseCustomer deletes a customer's row
 */
record SqlText(
    String load,
    String loadWithAccount,
    String loadWithOrders,
    String loadWithAccountAndOrders,
    String updateCustomerVersion,
    String insertCustomer,
    String bumpCustomer,
    String setOptedOut,
    String insertCustomerOptedOut,
    String updateAccountVersion,
    String insertAccount,
    String bumpAccount,
    String decisionOwner,
    String customerAccounts,
    String insertDecisionInto,
    String insertDecision,
    String cancel,
    String insertResponse,
    String purgeDecisions,
    String purgeResponses,
    String purgeCustomers,
    String purgeAccounts,
    String eraseDecisions,
    String eraseResponses,
    String eraseCustomer) {

  /**
   * Renders every statement for the prefix.
   *
   * @param prefix the table prefix; validated here
   * @return the statements
   * @throws IllegalArgumentException when the prefix is not a valid identifier prefix
   */
  static SqlText forPrefix(String prefix) {
    String p = SqlIdentifiers.requireValidPrefix(prefix);
    String decision = p + "decision";
    String customer = p + "customer";
    String account = p + "account";
    String response = p + "response";
    String liveSurvey = " AND outcome = 'SURVEY' AND cancelled = FALSE";
    // For a survey, the flag column says whether it is a relationship survey (NULL: version 1).
    String relationship = "(survey_kind = 'RELATIONSHIP')";
    String load =
        "SELECT "
            + RowKind.ORDER.code()
            + " AS kind, order_id AS ref, CAST(NULL AS BIGINT) AS num,"
            + " (outcome = 'SURVEY' AND cancelled = FALSE) AS flag, decided_at AS at,"
            + " CAST(NULL AS VARCHAR(255)) AS sku, CAST(NULL AS VARCHAR(255)) AS other FROM "
            + decision
            + " WHERE order_id = ?"
            + " UNION ALL SELECT "
            + RowKind.CUSTOMER.code()
            + ", customer_id, version, opted_out, NULL, NULL, NULL FROM "
            + customer
            + " WHERE customer_id = ?"
            + " UNION ALL SELECT "
            + RowKind.CUSTOMER_SURVEY.code()
            + ", order_id, NULL, " + relationship + ", decided_at, subject_sku, account_id FROM "
            + decision
            + " WHERE customer_id = ?"
            + liveSurvey
            + " UNION ALL SELECT "
            + RowKind.RESPONSE.code()
            + ", customer_id, NULL, NULL, responded_at, NULL, NULL FROM "
            + response
            + " WHERE customer_id = ?";
    String loadWithAccount =
        load
            + " UNION ALL SELECT "
            + RowKind.ACCOUNT.code()
            + ", account_id, version, NULL, NULL, NULL, NULL FROM "
            + account
            + " WHERE account_id = ?"
            + " UNION ALL SELECT "
            + RowKind.ACCOUNT_SURVEY.code()
            + ", order_id, NULL, " + relationship + ", decided_at, subject_sku, customer_id FROM "
            + decision
            + " WHERE account_id = ?"
            + liveSurvey;
    String orders =
        " UNION ALL SELECT "
            + RowKind.CUSTOMER_ORDER.code()
            + ", order_id, NULL, NULL, decided_at, NULL, NULL FROM "
            + decision
            + " WHERE customer_id = ?";
    String insertCustomer =
        "INSERT INTO " + customer + " (customer_id, version, opted_out) VALUES (?, ?, FALSE)";
    String updateCustomer =
        "UPDATE " + customer + " SET version = ? WHERE customer_id = ? AND version = ?";
    String insertAccount = "INSERT INTO " + account + " (account_id, version) VALUES (?, ?)";
    String updateAccount =
        "UPDATE " + account + " SET version = ? WHERE account_id = ? AND version = ?";
    String insertDecisionInto =
        "INSERT INTO "
            + decision
            + " (order_id, customer_id, account_id, decided_at, outcome, subject_sku, cancelled,"
            + " survey_kind)";
    return new SqlText(
        load,
        loadWithAccount,
        load + orders,
        loadWithAccount + orders,
        updateCustomer,
        insertCustomer,
        "UPDATE " + customer + " SET version = version + 1 WHERE customer_id = ?",
        "UPDATE " + customer + " SET opted_out = ?, version = version + 1 WHERE customer_id = ?",
        "INSERT INTO " + customer + " (customer_id, version, opted_out) VALUES (?, ?, ?)",
        updateAccount,
        insertAccount,
        "UPDATE " + account + " SET version = version + 1 WHERE account_id = ?",
        "SELECT customer_id, account_id FROM " + decision + " WHERE order_id = ?",
        "SELECT DISTINCT account_id FROM "
            + decision
            + " WHERE customer_id = ? AND account_id IS NOT NULL",
        insertDecisionInto,
        insertDecisionInto + " VALUES (?, ?, ?, ?, ?, ?, FALSE, ?)",
        "UPDATE "
            + decision
            + " SET cancelled = TRUE WHERE order_id = ? AND outcome = 'SURVEY' AND cancelled = FALSE",
        "INSERT INTO " + response + " (customer_id, responded_at) VALUES (?, ?)",
        "DELETE FROM "
            + decision
            + " WHERE order_id IN (SELECT order_id FROM "
            + decision
            + " WHERE decided_at < ? LIMIT ?)",
        "DELETE FROM "
            + response
            + " WHERE responded_at < ? AND customer_id IN (SELECT customer_id FROM "
            + response
            + " WHERE responded_at < ? LIMIT ?)",
        "DELETE FROM "
            + customer
            + " WHERE opted_out = FALSE AND customer_id IN (SELECT c.customer_id FROM "
            + customer
            + " c WHERE c.opted_out = FALSE AND NOT EXISTS (SELECT 1 FROM "
            + decision
            + " d WHERE d.customer_id = c.customer_id) AND NOT EXISTS (SELECT 1 FROM "
            + response
            + " r WHERE r.customer_id = c.customer_id) LIMIT ?)",
        "DELETE FROM "
            + account
            + " WHERE account_id IN (SELECT a.account_id FROM "
            + account
            + " a WHERE NOT EXISTS (SELECT 1 FROM "
            + decision
            + " d WHERE d.account_id = a.account_id) LIMIT ?)",
        "DELETE FROM " + decision + " WHERE customer_id = ?",
        "DELETE FROM " + response + " WHERE customer_id = ?",
        "DELETE FROM " + customer + " WHERE customer_id = ?");
  }
}
