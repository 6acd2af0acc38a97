package bookstore.systemtests.support;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Someone logged in: a customer or the administrator, with the tokens login gave them and a client
 * that sends the access token.
 */
public record Customer(String email, String id, String accessToken, String refreshToken, Client client) {

    public static Customer logIn(Client anonymous, String email, String password) {
        JsonNode tokens = anonymous
                .post("/api/auth/token", Map.of("email", email, "password", password))
                .expect(200)
                .json();
        String accessToken = tokens.get("accessToken").asString();
        Client client = anonymous.withToken(accessToken);
        String id = client.get("/api/users/me").expect(200).json().get("id").asString();
        return new Customer(email, id, accessToken, tokens.get("refreshToken").asString(), client);
    }

    public Response get(String path) {
        return client.get(path);
    }

    public Response post(String path, Object body) {
        return client.post(path, body);
    }

    public Response put(String path, Object body) {
        return client.put(path, body);
    }

    public Response patch(String path, Object body) {
        return client.patch(path, body);
    }

    public Response delete(String path) {
        return client.delete(path);
    }

    public Response send(String method, String path, Object body, Map<String, String> headers) {
        return client.send(method, path, body, headers);
    }
}
