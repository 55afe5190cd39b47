package io.switchboard.server;

import io.switchboard.models.Channel;

import java.util.Locale;

/**
 * The launcher's parsed arguments.
 *
 * @param name    what to do
 * @param channel for {@code chat}: whose phrasing to use
 * @param from    for {@code chat}: the caller ID to pretend, or null
 */
record Command(Name name, Channel channel, String from) {

    static final String USAGE = """
            usage: java -jar switchboard.jar [command]
              serve                      start the server (default)
              chat [--channel web|sms|whatsapp|voice] [--from +447700900123]
                                         talk to the receptionist in this terminal
              profile                    print the business profile and today's openings
              help                       show this text
            Configuration: environment variables, see README (SWITCHBOARD_BUSINESS, SWITCHBOARD_HTTP_PORT, ...).""";

    enum Name { SERVE, CHAT, PROFILE, HELP }

    /** @throws IllegalArgumentException with a message for the user */
    static Command parse(String[] args) {
        if (args.length == 0) {
            return new Command(Name.SERVE, Channel.WEB, null);
        }
        Name name = switch (args[0].toLowerCase(Locale.ROOT)) {
            case "serve" -> Name.SERVE;
            case "chat" -> Name.CHAT;
            case "profile" -> Name.PROFILE;
            case "help", "-h", "--help" -> Name.HELP;
            default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'");
        };
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
        return new Command(name, channel, from);
    }
}
