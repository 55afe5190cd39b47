package io.switchboard.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReportTest {

    static LevelResult level(int callers, int right, double p50) {
        return new LevelResult(callers, callers, callers, right, 8 * callers, p50, 410.25, 480, 512, 85.04, 140, 812.5,
                12, 0, 2, 30, 60, 5, 9, 70, 120, 180, 260, 48.2, 1, 40, java.util.Map.of("final",
                        new QueueWaits.Wait(20, 3.25, 5, 10, 20)));
    }

    @Test
    void oneRowPerLevelUnderAHeaderOfTheSameWidth() throws IOException {
        StringWriter out = new StringWriter();
        CsvReport.write(List.of(level(1, 1, 250), level(4, 3, Double.NaN)), out);
        String[] lines = out.toString().split("\n");

        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo(CsvReport.HEADER);
        int columns = lines[0].split(",", -1).length;
        assertThat(lines[1].split(",", -1)).hasSize(columns);
        assertThat(lines[2].split(",", -1)).hasSize(columns);
        assertThat(lines[1]).startsWith("1,1,1,1,1.000,8,250.0,410.3,480.0,512.0,85.0,140.0,812.5,12.0,0,2,30.0,");
        assertThat(lines[2]).startsWith("4,4,4,3,0.750,32,,410.3,");
        assertThat(lines[2]).contains(",48.2,1,0.031,40.0,20,3.3,5.0,10.0,20.0,,,,,,,,,,");
        assertThat(lines[0]).contains("false_cut_offs,false_cut_off_share,client_cpu_peak_pct,stt_wait_final_count,"
                + "stt_wait_final_mean_ms,stt_wait_final_p50_ms,stt_wait_final_p95_ms,stt_wait_final_p99_ms,"
                + "stt_wait_speculative_count");
    }

    @Test
    void theSvgSheetStandsAloneWithEveryChart() {
        String svg = HtmlReport.sheet(List.of(level(1, 1, 250), level(4, 3, 300)));

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>\n")
                .contains("Turn latency", "False cut-offs", "queue wait", "callers avg");
        assertThat(svg.split("<svg", -1)).as("the sheet and its five charts").hasSize(7);
    }

    @Test
    void numbersUseADotWhateverTheLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            assertThat(CsvReport.number(1234.56)).isEqualTo("1234.6");
            assertThat(CsvReport.number(Double.POSITIVE_INFINITY)).isEmpty();
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void theHtmlPageIsSelfContainedWithAChartAndTheTable() {
        String html = HtmlReport.render(List.of(level(1, 1, 250), level(2, 1, 300)), List.of("cores (nproc): 2 <x>"));

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "<polyline", "<table", "1/2 (50%)",
                "cores (nproc): 2 &lt;x&gt;");
        assertThat(html).doesNotContain("<script", "src=\"http", "href=\"http");
    }
}
