package dev.storyflow.bare;

import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * SQL counting for {@code benchmarks/lifecycle-load}, on only when
 * {@code bare.count-sql=true}: the data source is wrapped in a datasource-proxy
 * that counts statements, JDBC round trips and commits per kind of request (start, complete,
 * poll) and per background thread (jobs, job acquisition), served at {@code /actuator/sqlcount}
 * once {@code management.endpoints.web.exposure.include} lists {@code sqlcount}. The same
 * counting as Storyflow's {@code dev.storyflow.benchmark}, copied so that both apps count alike
 * while this app keeps none of Storyflow's code.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "bare", name = "count-sql", havingValue = "true")
class SqlCountingConfiguration {

  @Bean
  SqlCounter sqlCounter() {
    return new SqlCounter();
  }

  /** Static, so that the data source is wrapped before anything (Flyway, the engine) uses it. */
  @Bean
  static BeanPostProcessor sqlCountingDataSources(ObjectProvider<SqlCounter> counter) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
          SqlCounter listener = counter.getObject();
          return ProxyDataSourceBuilder.create(dataSource).name(beanName)
              .listener(listener).methodListener(listener).build();
        }
        return bean;
      }
    };
  }

  @Bean
  FilterRegistrationBean<SqlCountingFilter> sqlCountingFilter(SqlCounter counter) {
    FilterRegistrationBean<SqlCountingFilter> registration = new FilterRegistrationBean<>(new SqlCountingFilter(counter));
    // outermost, so that the authentication filter's identity queries count for the request too
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.addUrlPatterns("/*");
    return registration;
  }

  @Bean
  SqlCountEndpoint sqlCountEndpoint(SqlCounter counter) {
    return new SqlCountEndpoint(counter);
  }
}
