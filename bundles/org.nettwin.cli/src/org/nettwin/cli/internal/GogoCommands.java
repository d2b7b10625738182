package org.nettwin.cli.internal;

import java.util.List;

import org.nettwin.lab.ExperimentRunner;
import org.nettwin.lab.PluginCatalog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The same commands in the Gogo console of {@code nettwin serve}: {@code nettwin:list [--json] [--verbose]}
 * and {@code nettwin:run FILE [--out DIR] [--seed N]}.
 */
@Component(service = GogoCommands.class, property = {"osgi.command.scope=nettwin", "osgi.command.function=list",
        "osgi.command.function=run", "osgi.command.function=collect", "osgi.command.function=clean"})
public final class GogoCommands {

    private final Commands commands;

    /** DS constructor injection. */
    @Activate
    public GogoCommands(@Reference PluginCatalog catalog, @Reference ExperimentRunner runner) {
        this.commands = new Commands(catalog, runner);
    }

    /** Lists plugins; {@code --json} for JSON, {@code --verbose} for the stack traces of failed ones. */
    public void list(String... args) {
        commands.list(List.of(args), System.out, System.out);
    }

    /** Records a behaviour policy's transitions (an experiment of type "collect"). */
    public void collect(String... args) {
        System.out.println("exit status " + commands.collect(List.of(args), System.out, System.out));
    }

    /** Removes what runs killed before they finished left in a folder. */
    public void clean(String... args) {
        System.out.println("exit status " + commands.clean(List.of(args), System.out, System.out));
    }

    /** Runs an experiment file. */
    public void run(String... args) {
        int status = commands.run(List.of(args), System.out, System.out);
        System.out.println("exit status " + status);
    }
}
