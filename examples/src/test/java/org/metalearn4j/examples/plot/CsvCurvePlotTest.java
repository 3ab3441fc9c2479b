package org.metalearn4j.examples.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvCurvePlotTest {
    @Test
    void everyColumnButTheFirstIsACurveAgainstIt() {
        LinePlot plot = CsvCurvePlot.of(List.of("step,learned,adam", "0,1.0,1.0", "1,0.5,0.8", ""), "l2l.csv", "",
                "mean loss");
        assertThat(plot.seriesCount()).isEqualTo(2);
        assertThat(plot.yLabel()).isEqualTo("mean loss");
        assertThat(FigureFile.png(plot, 300, 200).getWidth()).isEqualTo(300);
    }

    @Test
    void aBadCellIsNamedByFileLineAndColumn() {
        assertThatThrownBy(() -> CsvCurvePlot.of(List.of("step,learned", "0,1.0", "1,x"), "l2l.csv", "", "y"))
                .hasMessage("l2l.csv: line 3, column 'learned': expected a number, got 'x'");
        assertThatThrownBy(() -> CsvCurvePlot.of(List.of("step,learned", "0"), "l2l.csv", "", "y"))
                .hasMessageContaining("line 2: expected 2 values (step, learned), got 1");
        assertThatThrownBy(() -> CsvCurvePlot.of(List.of("step,learned"), "l2l.csv", "", "y"))
                .hasMessageContaining("expected a header row and at least one data row");
    }
}
