package dev.storyflow.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The REST doors' authentication cache, under {@code storyflow.security} (docs/security.md).
 *
 * @param authenticationCache how long a user's verified password, group ids and tenant ids are
 *     reused without asking the database; {@code 0} turns the cache off
 */
@ConfigurationProperties("storyflow.security")
record AuthenticationCacheProperties(@DefaultValue("30s") Duration authenticationCache) {
}
