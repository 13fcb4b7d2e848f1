package com.acme.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

/** Posts deployment notices to the team channel. */
public class SlackNotifier {

  private static final String WEBHOOK = "%%FAKE:slack-webhook%%";
  private final String botToken = "%%FAKE:slack-bot%%";

  public void post(String text) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(WEBHOOK))
        .header("Authorization", "Bearer " + botToken)
        .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}"))
        .build();
    HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.discarding());
  }
}
