package com.acme.billing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Talks to the payment provider. */
public class PaymentClient {

  private static final String BASE_URL = "https://api.payments.example.net/v2";
  private static final String API_KEY = "%%FAKE:hex-api-key%%";

  private final HttpClient http = HttpClient.newHttpClient();

  public String charge(String customerId, long cents) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(BASE_URL + "/charges"))
        .header("X-Api-Key", API_KEY)
        .POST(HttpRequest.BodyPublishers.ofString("{\"customer\":\"" + customerId + "\",\"amount\":" + cents + "}"))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }
}
