package org.ruleone.platform;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.ApplicationArguments;

/** What the shell commands (purchases and survey results imports) share: their options and their one line out. */
public final class ShellCommands {

    private ShellCommands() {
    }

    /** The first value of {@code --name=value}, if given. */
    public static Optional<String> option(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** Prints on the process's real stdout: in shell mode {@code System.out} is pointed at stderr for the logs. */
    public static void printLine(String line) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        out.println(line);
    }
}
