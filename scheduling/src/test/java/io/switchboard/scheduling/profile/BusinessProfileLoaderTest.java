package io.switchboard.scheduling.profile;

import io.switchboard.models.BusinessKind;
import io.switchboard.models.BusinessProfile;
import io.switchboard.models.Greeting;
import io.switchboard.models.IntakeField;
import io.switchboard.models.OpeningHours;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessProfileLoaderTest {

    private final BusinessProfileLoader loader = new BusinessProfileLoader();

    @Test
    void sampleDescribesBristolPlumbing() {
        BusinessProfile p = loader.loadSample();

        assertThat(p.name()).isEqualTo("Bristol Plumbing");
        assertThat(p.timezone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(p.hours().on(DayOfWeek.MONDAY)).containsExactly(new OpeningHours(LocalTime.of(8, 0), LocalTime.of(18, 0)));
        assertThat(p.hours().on(DayOfWeek.SATURDAY)).containsExactly(new OpeningHours(LocalTime.of(9, 0), LocalTime.of(13, 0)));
        assertThat(p.hours().isOpenOn(DayOfWeek.SUNDAY)).isFalse();
        assertThat(p.service("drain-cleaning").orElseThrow().duration()).isEqualTo(Duration.ofMinutes(90));
        assertThat(p.service("tankless-installation").orElseThrow().duration()).isEqualTo(Duration.ofHours(4));
        assertThat(p.emergencyService().orElseThrow().id()).isEqualTo("emergency-callout");
        assertThat(p.blackoutDates()).contains(LocalDate.of(2026, 12, 25));
        assertThat(p.owner().phone()).isEqualTo("+447700900999");
        assertThat(p.owner().toString()).doesNotContain(p.owner().pin());
        assertThat(p.emergencyKeywords()).contains("burst pipe", "sewage");
        assertThat(p.faq()).extracting(f -> f.topic()).contains("hours", "prices", "area");
    }

    @Test
    void theBufferAroundCalendarEventsIsOptionalAndStrict() {
        assertThat(loader.loadSample().rules().calendarEventBuffer()).isEqualTo(Duration.ZERO);
        String with = sampleText().replace("minimum_notice: 2h", "minimum_notice: 2h\n  buffer_around_calendar_events: 20m");
        assertThat(with).isNotEqualTo(sampleText());

        assertThat(loader.parse(with.getBytes(StandardCharsets.UTF_8)).rules().calendarEventBuffer())
                .isEqualTo(Duration.ofMinutes(20));
        assertThatThrownBy(() -> loader.parse(with.replace("20m", "twenty").getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("booking.buffer_around_calendar_events:");
        assertThatThrownBy(() -> loader.parse(with.replace("20m", "13h").getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("booking.buffer_around_calendar_events: at most 12h");
        assertThatThrownBy(() -> loader.parse(with.replace("buffer_around_calendar_events", "buffer_around_calendar_event")
                        .getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("did you mean buffer_around_calendar_events?");
    }

    @Test
    void loadsFromAFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.yaml");
        Files.writeString(file, sampleText().replace("Bristol Plumbing", "Bath Drains"));

        assertThat(loader.load(file).name()).isEqualTo("Bath Drains");
    }

    @Test
    void missingFileNamesTheFile() {
        assertThatThrownBy(() -> loader.load(Path.of("/nonexistent/profile.yaml")))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("/nonexistent/profile.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "services[1].duration      | duration: 90m          | duration: ninety",
            "timezone                  | timezone: Europe/London | timezone: Europe/Bristol",
            "hours.funday              | monday:    [\"08:00-18:00\"] | funday: [\"08:00-18:00\"]",
            "hours.tuesday[0]          | tuesday:   [\"08:00-18:00\"] | tuesday: [\"18:00-08:00\"]",
            "owner.pin                 | pin: \"482916\"          | pin: \"123\"",
            "owner.pin                 | pin: \"482916\"          | pin: 482916",
            "booking.minimum_notise    | minimum_notice: 2h     | minimum_notise: 2h",
            "services[4].emergency     | emergency: true        | emergency: yes please",
            "services[4].emergency     | emergency: true        | emergency: \"true\"",
            "services[0].colour        | duration: 1h           | colour: red",
            "owner.pim                 | pin: \"482916\"          | pim: \"482916\"",
            "faq[0].keyword            | keywords: [hours, open | keyword: [hours, open",
            "services[2].synonyms[1]   | water heater, boiler,  | water heater, leak,",
            "services[2].name          | name: water heater repair | name: drain",
            "kind                      | kind: trades           | kind: plumber",
            "intake                    | intake: [name, phone, address, problem] | intake: [name, address]",
            "intake[2]                 | intake: [name, phone, address, problem] | intake: [name, phone, adress]",
            "id                        | id: bristol-plumbing   | id: Bristol Plumbing",
            "owner.phone               | phone: \"+447700900999\" | phone: \"12345\"",
            "booking.max_bookings_per_day | max_bookings_per_day: 6 | max_bookings_per_day: 0",
            "blackout_dates[0]         | - 2026-12-25           | - 25/12/2026",
            "services[0].id            | id: general-repair     | id: General Repair!",
            "services[1].id            | id: drain-cleaning     | id: general-repair",
            "phone_region              | phone_region: GB       | phone_region: XX",
            "colour                    | name: Bristol Plumbing | colour: blue",
            "safety[0].sign            | signs: [smell gas      | sign: [smell gas",
            "safety[1].id              | id: water-electrics    | id: gas",
            "safety[0].id              | id: gas                | id: Gas!",
            "safety[1].signs[0]        | signs: [water through ceiling | signs: [smell gas",
            "safety[0].signs[0]        | signs: [smell gas      | signs: [\"0800\"",
            "safety[0].advise          | advice: \"For your safety | advise: \"For your safety",
    })
    void aBrokenFieldFailsNamingIt(String field, String good, String bad) {
        String text = sampleText();
        assertThat(text).contains(good.strip());
        byte[] broken = text.replaceFirst(java.util.regex.Pattern.quote(good.strip()), bad.strip().replace("$", "\\$"))
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> loader.parse(broken))
                .isInstanceOf(ProfileException.class)
                .satisfies(e -> assertThat(((ProfileException) e).field()).isEqualTo(field.strip()))
                .hasMessageStartingWith(field.strip() + ":");
    }

    @Test
    void theSampleCarriesItsSafetyRulesInOrder() {
        BusinessProfile p = loader.loadSample();
        assertThat(p.safety()).extracting(io.switchboard.models.SafetyRule::id).containsExactly("gas", "water-electrics");
        assertThat(p.safety().getFirst().advice()).contains("leave the property", "0800 111 999");
        assertThat(p.safety().getFirst().signs()).contains("smell gas", "carbon monoxide");
        assertThat(p.safety().get(1).advice()).contains("stopcock", "electrics");
    }

    @Test
    void safetyAdviceTooLongToBeHeardOutIsRefused() {
        String longAdvice = "advice: \"" + "Please be careful. ".repeat(30) + "\"";
        byte[] broken = sampleText().replaceFirst("advice: \"For your safety[^\"]*\"", longAdvice)
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> loader.parse(broken)).hasMessageStartingWith("safety[0].advice: at most 400");
    }

    @Test
    void aProfileWithoutSafetyRulesLoadsWithNone() {
        byte[] none = sampleText().replaceAll("(?s)\nsafety:.*?\n\nfaq:", "\n\nfaq:").getBytes(StandardCharsets.UTF_8);
        assertThat(loader.parse(none).safety()).isEmpty();
    }

    @Test
    void aMisspeltKeyIsNamedWithTheKeyItWasMeantToBe() {
        byte[] broken = sampleText().replace("minimum_notice: 2h", "minimum_notise: 2h").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> loader.parse(broken))
                .hasMessageStartingWith("booking.minimum_notise: unknown field; did you mean minimum_notice?")
                .hasMessageNotContaining("required");
    }

    @Test
    void aSynonymOfTwoServicesNamesBoth() {
        byte[] broken = sampleText().replace("water heater, boiler,", "water heater, leak,").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> loader.parse(broken))
                .hasMessageContaining("general-repair (services[0])");
    }

    @Test
    void errorsDescribeTheFieldWithoutQuotingTheDocument() {
        String secret = "s3cr3t-Value-From-Another-File";
        for (String broken : List.of(
                sampleText().replace("duration: 90m", "duration: " + secret),
                sampleText().replace("timezone: Europe/London", "timezone: " + secret),
                sampleText().replace("- 2026-12-25", "- " + secret),
                sampleText().replace("emergency: true", "emergency: " + secret),
                sampleText().replace("\"08:00-18:00\"", "\"" + secret + "\""),
                sampleText().replace("name: Bristol Plumbing", secret + ": x"),
                "root:" + secret + ":19000:0:99999:7:::\n",
                "name: [" + secret + "\n  - {: " + secret,
                "\t" + secret + ": [\n")) {
            assertThatThrownBy(() -> loader.parse(broken.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(ProfileException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContainIgnoringCase(secret))
                    .satisfies(e -> assertThat(e.getCause()).isNull());
        }
    }

    @Test
    void aFourDigitPinLoadsWithAWarning() {
        List<ProfileWarning> warnings = new ArrayList<>();
        byte[] four = sampleText().replace("pin: \"482916\"", "pin: \"4321\"").getBytes(StandardCharsets.UTF_8);

        BusinessProfile p = new BusinessProfileLoader(warnings::add).parse(four);

        assertThat(p.owner().pin()).isEqualTo("4321");
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.field()).isEqualTo("owner.pin");
            assertThat(w.message()).contains("4-digit").contains("6 or more").doesNotContain("4321");
        });
    }

    @Test
    void theSamplesPinIsSixDigitsAndLoadsWithoutWarnings() {
        List<ProfileWarning> warnings = new ArrayList<>();
        BusinessProfileLoader quiet = new BusinessProfileLoader(warnings::add);

        assertThat(quiet.loadSample().owner().pin()).hasSize(6);
        assertThat(quiet.loadResource(BusinessProfileLoader.DENTAL_SAMPLE_RESOURCE).owner().pin()).hasSize(6);
        assertThat(warnings).isEmpty();
    }

    @Test
    void thePlumberGoesToTheCustomerAndKeepsTheStandardGreeting() {
        BusinessProfile p = loader.loadSample();

        assertThat(p.id()).isEqualTo("bristol-plumbing");
        assertThat(p.kind()).isEqualTo(BusinessKind.TRADES);
        assertThat(p.intake()).containsExactlyInAnyOrder(IntakeField.values());
        assertThat(p.requires(IntakeField.ADDRESS)).isTrue();
        assertThat(p.greeting()).isEqualTo(Greeting.STANDARD);
    }

    @Test
    void aProfileWrittenBeforeIntakeKindAndIdBehavesAsAPlumber() {
        String old = sampleText().replaceAll("(?m)^(id|kind|intake): .*\n", "");
        assertThat(old).doesNotContain("intake:").doesNotContain("kind:");

        BusinessProfile p = loader.parse(old.getBytes(StandardCharsets.UTF_8));

        assertThat(p.id()).isEqualTo("bristol-plumbing");
        assertThat(p.kind()).isEqualTo(BusinessKind.TRADES);
        assertThat(p.requires(IntakeField.ADDRESS)).isTrue();
    }

    @Test
    void theDentistsPatientsComeInSoNoAddressIsCollected() {
        BusinessProfile p = loader.loadResource(BusinessProfileLoader.DENTAL_SAMPLE_RESOURCE);

        assertThat(p.name()).isEqualTo("Bristol Dental");
        assertThat(p.id()).isEqualTo("bristol-dental");
        assertThat(p.kind()).isEqualTo(BusinessKind.CLINIC);
        assertThat(p.requires(IntakeField.ADDRESS)).isFalse();
        assertThat(p.requires(IntakeField.PHONE)).isTrue();
        assertThat(p.requires(IntakeField.NAME)).isTrue();
        assertThat(p.greeting().voice()).startsWith("Thank you for calling Bristol Dental");
        assertThat(p.greeting().disclosure()).contains("automated assistant").contains("transcribed");
        assertThat(p.greeting().text()).startsWith("Hi, this is Bristol Dental");
        assertThat(p.emergencyService().orElseThrow().id()).isEqualTo("emergency-appointment");
        assertThat(p.service("check-up").orElseThrow().duration()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aClinicWithoutAnIntakeListAsksNoAddress() {
        String clinic = sampleText().replace("kind: trades", "kind: clinic").replaceAll("(?m)^intake: .*\n", "");

        BusinessProfile p = loader.parse(clinic.getBytes(StandardCharsets.UTF_8));

        assertThat(p.requires(IntakeField.ADDRESS)).isFalse();
        assertThat(p.requires(IntakeField.PROBLEM)).isTrue();
    }

    @Test
    void oneGreetingForEveryChannel() {
        String greeted = sampleText().replace("# greeting: ", "greeting: ");

        Greeting g = loader.parse(greeted.getBytes(StandardCharsets.UTF_8)).greeting();

        assertThat(g.voice()).isEqualTo("Thanks for calling Bristol Plumbing. How can I help?");
        assertThat(g.text()).isEqualTo(g.voice());
    }

    @Test
    void theCallDisclosureIsWordedPerBusinessAndNeverLeftOut() {
        String worded = sampleText().replace("# greeting: \"Thanks for calling Bristol Plumbing. How can I help?\"",
                "greeting: {voice: Hello, disclosure: \"I'm a bot, and we transcribe calls.\"}");
        String blank = sampleText().replace("# greeting: \"Thanks for calling Bristol Plumbing. How can I help?\"",
                "greeting: {voice: Hello, disclosure: \"  \"}");

        assertThat(loader.parse(worded.getBytes(StandardCharsets.UTF_8)).greeting().disclosure())
                .isEqualTo("I'm a bot, and we transcribe calls.");
        assertThatThrownBy(() -> loader.parse(blank.getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("greeting.disclosure: must be non-empty text");
        assertThat(loader.loadSample().greeting().disclosure()).isEqualTo(Greeting.STANDARD_DISCLOSURE);
    }

    @Test
    void aGreetingHasOnlyVoiceAndText() {
        String greeted = sampleText().replace("# greeting: \"Thanks for calling Bristol Plumbing. How can I help?\"",
                "greeting: {voice: Hello, sms: Hi}");

        assertThatThrownBy(() -> loader.parse(greeted.getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("greeting.sms: unknown field");
    }

    @Test
    void notYamlAtAll() {
        assertThatThrownBy(() -> loader.parse("name: [unclosed".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("YAML");
    }

    @Test
    void noServices() {
        String text = sampleText();
        String noServices = text.substring(0, text.indexOf("services:")) + "services: []\n"
                + text.substring(text.indexOf("emergency_keywords:"));
        assertThatThrownBy(() -> loader.parse(noServices.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProfileException.class)
                .hasMessageStartingWith("services:");
    }

    private static String sampleText() {
        try (var in = BusinessProfileLoader.class.getResourceAsStream(BusinessProfileLoader.SAMPLE_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
