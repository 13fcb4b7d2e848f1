package com.acme.orders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Orders in the database. */
public class OrderRepository {

  private static final String TABLE = "orders";
  private final Connection connection;

  public OrderRepository(Connection connection) {
    this.connection = connection;
  }

  public ResultSet byCustomer(String customerId) throws SQLException {
    Statement statement = connection.createStatement();
    return statement.executeQuery("SELECT * FROM orders WHERE customer_id = '" + customerId + "'");
  }

  public int cancel(String orderId, String reason) throws SQLException {
    String sql = String.format("UPDATE orders SET status = 'CANCELLED', reason = '%s' WHERE id = %s", reason, orderId);
    return connection.createStatement().executeUpdate(sql);
  }

  public ResultSet byStatus(String status) throws SQLException {
    PreparedStatement statement = connection.prepareStatement("SELECT * FROM orders WHERE status = ?");
    statement.setString(1, status);
    return statement.executeQuery();
  }

  public ResultSet count() throws SQLException {
    return connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + TABLE);
  }

  public String describe(String customerId) {
    return "Orders of " + customerId + " from the orders table";
  }
}
