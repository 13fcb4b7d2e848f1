package dev.storyflow.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo users, one per role, for trying Storyflow out.
 *
 * @param enabled create the demo users at start-up (on for the embedded setup, off for production)
 * @param password the password of every demo user
 */
@ConfigurationProperties("storyflow.demo")
public record DemoProperties(@DefaultValue("true") boolean enabled, @DefaultValue("demo") String password) {
}
