package io.switchboard.telephony.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class TwimlResponsesTest {

    private final TwimlResponses twiml = new TwimlResponses(TwimlResponses.mediaStreamUrlFor("switchboard.example.co.uk"));

    static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void voiceAnswerConnectsABidirectionalStreamWithTheCallParameters() throws Exception {
        String xml = twiml.connectStream("CA123", "+447700900123", "+441174960000");

        Document doc = parse(xml);
        Element response = doc.getDocumentElement();
        assertThat(response.getTagName()).isEqualTo("Response");
        Element connect = (Element) response.getElementsByTagName("Connect").item(0);
        assertThat(connect.getParentNode()).isSameAs(response);
        Element stream = (Element) connect.getElementsByTagName("Stream").item(0);
        assertThat(stream.getAttribute("url")).isEqualTo("wss://switchboard.example.co.uk/media");

        NodeList params = stream.getElementsByTagName("Parameter");
        Map<String, String> found = new LinkedHashMap<>();
        for (int i = 0; i < params.getLength(); i++) {
            Element p = (Element) params.item(i);
            found.put(p.getAttribute("name"), p.getAttribute("value"));
        }
        assertThat(found).containsExactly(
                Map.entry("CallSid", "CA123"), Map.entry("From", "+447700900123"), Map.entry("To", "+441174960000"));
    }

    @Test
    void voiceAnswerHasTheDocumentedLayout() {
        String xml = twiml.connectStream("CA1", "+447700900123", "+441174960000");
        assertThat(xml.replaceAll("<\\?xml[^>]*\\?>", "")).isEqualTo(
                "<Response><Connect><Stream url=\"wss://switchboard.example.co.uk/media\">"
                        + "<Parameter name=\"CallSid\" value=\"CA1\"/>"
                        + "<Parameter name=\"From\" value=\"+447700900123\"/>"
                        + "<Parameter name=\"To\" value=\"+441174960000\"/>"
                        + "</Stream></Connect></Response>");
    }

    @Test
    void withheldCallerIdIsLeftOut() throws Exception {
        Document doc = parse(twiml.connectStream("CA1", null, "+441174960000"));
        NodeList params = doc.getElementsByTagName("Parameter");
        assertThat(params.getLength()).isEqualTo(2);
        assertThat(((Element) params.item(1)).getAttribute("name")).isEqualTo("To");
    }

    @Test
    void parameterValuesAreEscaped() throws Exception {
        String hostile = "\"/><Hangup/><x a=\"&";
        Document doc = parse(twiml.connectStream(Map.of("Note", hostile)));
        assertThat(doc.getElementsByTagName("Hangup").getLength()).isZero();
        assertThat(((Element) doc.getElementsByTagName("Parameter").item(0)).getAttribute("value")).isEqualTo(hostile);
    }

    @Test
    void smsReplyIsAMessageElement() throws Exception {
        String xml = TwimlResponses.message("Booked: Tue 14:00 & see you <then>");
        assertThat(xml.replaceAll("<\\?xml[^>]*\\?>", ""))
                .isEqualTo("<Response><Message>Booked: Tue 14:00 &amp; see you &lt;then&gt;</Message></Response>");
        assertThat(parse(xml).getElementsByTagName("Message").item(0).getTextContent())
                .isEqualTo("Booked: Tue 14:00 & see you <then>");
    }

    @Test
    void emojiAndNonLatinTextSurviveAndControlCharactersAreDropped() throws Exception {
        String text = "Dziękuję 👍 ありがとう\u0000\u0007!";
        String body = parse(TwimlResponses.message(text)).getElementsByTagName("Message").item(0).getTextContent();
        assertThat(body).isEqualTo("Dziękuję 👍 ありがとう!");
    }

    @Test
    void emptyResponseSendsNothing() throws Exception {
        String xml = TwimlResponses.empty();
        Document doc = parse(xml);
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("Response");
        assertThat(doc.getDocumentElement().getChildNodes().getLength()).isZero();
    }

    @Test
    void refusesInsecureStreamUrlsAndBlankReplies() {
        assertThatThrownBy(() -> new TwimlResponses(URI.create("ws://host/media")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TwimlResponses.mediaStreamUrlFor("host/evil"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TwimlResponses.message("  ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(TwimlResponses.mediaStreamUrlFor("abc.ngrok.app:8443").toString())
                .isEqualTo("wss://abc.ngrok.app:8443/media");
    }
}
