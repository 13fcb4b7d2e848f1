package dev.storyflow.identity;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.cmd.AbstractWritableIdentityServiceCmd;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.cmd.UnlockUserCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Clears the {@link AuthenticationCache} once a command that changed an identity has committed,
 * whichever door it came through (Admin, {@code /engine-rest}, Java): a command interceptor sees
 * every command of the engine, where a wrapped {@code IdentityService} bean would miss the REST
 * API and the webapps, which call the engine's own. An identity change is any of Camunda's
 * writable identity commands (users with their passwords, groups, tenants and memberships,
 * created, saved or deleted), unlocking a user, and a failed password check, which is what locks
 * a user (Camunda's login delay). After the commit, not before: a request checking the old state
 * until then gets the old answer, as it would from the database, and cannot keep it.
 */
@Component
class IdentityChanges extends AbstractProcessEnginePlugin {

  private final AuthenticationCache cache;

  IdentityChanges(AuthenticationCache cache) {
    this.cache = cache;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    if (configuration.getCustomPostCommandInterceptorsTxRequiresNew() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequiresNew(new ArrayList<>());
    }
    // after the command context is opened, so that the commit can be listened to; one per chain
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new ClearAfterCommit());
    configuration.getCustomPostCommandInterceptorsTxRequiresNew().add(new ClearAfterCommit());
  }

  private static boolean changesIdentity(Command<?> command, Object result) {
    return command instanceof AbstractWritableIdentityServiceCmd || command instanceof UnlockUserCmd
        || command instanceof CheckPassword && !Boolean.TRUE.equals(result);
  }

  private final class ClearAfterCommit extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      T result = next.execute(command);
      if (changesIdentity(command, result)) {
        Context.getCommandContext().getTransactionContext()
            .addTransactionListener(TransactionState.COMMITTED, commandContext -> cache.clear());
      }
      return result;
    }
  }
}
