package dev.storyflow.workspace;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The coverage part of the implementation gate.
 *
 * @param minLine the line coverage a story branch must reach, from 0 to 1 (from a JaCoCo XML
 *     report); empty means coverage is reported but not required
 */
@Validated
@ConfigurationProperties("storyflow.coverage")
record CoverageProperties(@DecimalMin("0") @DecimalMax("1") Double minLine) {
}
