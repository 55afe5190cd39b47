package io.switchboard.server;

import io.switchboard.models.Channel;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The launcher's parsed arguments.
 *
 * @param name    what to do
 * @param channel for {@code chat}: whose phrasing to use
 * @param from    for {@code chat}: the caller ID to pretend, or null
 * @param file    for {@code backup} and {@code restore}: the backup file, or null
 */
record Command(Name name, Channel channel, String from, Path file) {

    static final String USAGE = """
            usage: java -jar switchboard.jar [command]
              serve                      start the server (default)
              chat [--channel web|sms|whatsapp|voice] [--from +447700900123]
                                         talk to the receptionist in this terminal
              profile                    print the business profile and today's openings
              backup FILE                write the database (bookings, customers, audit log...) to FILE
              restore FILE               load a backup into an empty database (a fresh SWITCHBOARD_DATA_DIR)
              help                       show this text
            Configuration: environment variables, see README (SWITCHBOARD_BUSINESS, SWITCHBOARD_HTTP_PORT, ...).""";

    enum Name { SERVE, CHAT, PROFILE, BACKUP, RESTORE, HELP }

    /** @throws IllegalArgumentException with a message for the user */
    static Command parse(String[] args) {
        if (args.length == 0) {
            return new Command(Name.SERVE, Channel.WEB, null, null);
        }
        Name name = switch (args[0].toLowerCase(Locale.ROOT)) {
            case "serve" -> Name.SERVE;
            case "chat" -> Name.CHAT;
            case "profile" -> Name.PROFILE;
            case "backup" -> Name.BACKUP;
            case "restore" -> Name.RESTORE;
            case "help", "-h", "--help" -> Name.HELP;
            default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'");
        };
        if (name == Name.BACKUP || name == Name.RESTORE) {
            return new Command(name, Channel.WEB, null, fileArgument(args));
        }
        Channel channel = Channel.WEB;
        String from = null;
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            if (name != Name.CHAT) {
                throw new IllegalArgumentException(args[0] + " takes no options, got '" + option + "'");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--channel" -> channel = Channel.fromWire(value).orElseThrow(
                        () -> new IllegalArgumentException("--channel must be web, sms, whatsapp or voice"));
                case "--from" -> from = value;
                default -> throw new IllegalArgumentException("unknown option '" + option + "'");
            }
        }
        return new Command(name, channel, from, null);
    }

    private static Path fileArgument(String[] args) {
        if (args.length != 2 || args[1].isBlank() || args[1].startsWith("-")) {
            throw new IllegalArgumentException(args[0] + " needs one argument, the backup file");
        }
        try {
            return Path.of(args[1]);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + args[1] + "' is not a file name");
        }
    }
}
