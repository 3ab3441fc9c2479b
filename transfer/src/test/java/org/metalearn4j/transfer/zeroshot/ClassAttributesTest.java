package org.metalearn4j.transfer.zeroshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassAttributesTest {
    @TempDir
    Path dir;

    @Test
    void builtInFashionMnistTableDescribesTenDistinctClasses() {
        ClassAttributes t = ClassAttributes.load(ClassAttributes.FASHION_MNIST);
        assertThat(t.classNames()).hasSize(10).startsWith("T-shirt/top").endsWith("Ankle boot");
        assertThat(t.values().shape()).containsExactly(10, t.attributeNames().size());
        assertThat(t.attributeNames().size()).isBetween(10, 20);
        Set<String> rows = new HashSet<>();
        for (int c = 0; c < 10; c++) {
            rows.add(t.values().getRow(c).toString());
        }
        assertThat(rows).as("every class needs a distinct descriptor to be recognisable").hasSize(10);
        int footwear = t.attributeNames().indexOf("footwear");
        assertThat(t.values().getDouble(t.indexOf("Sandal"), footwear)).isEqualTo(1.0);
        assertThat(t.values().getDouble(t.indexOf("Coat"), footwear)).isEqualTo(0.0);
    }

    @Test
    void badTablesFailNamingTheFileAndField() throws Exception {
        Path f = dir.resolve("a.json");
        Files.writeString(f, """
                {"attributes": [{"name": "x"}, {"name": "y"}],
                 "classes": [{"index": 0, "name": "a", "values": [1, 0]}, {"index": 1, "name": "b", "values": [1]}]}
                """);
        assertThatThrownBy(() -> ClassAttributes.load(f.toString()))
                .hasMessage(f + ": classes[1].values must list 2 numbers, one per attribute, got [1]");
        assertThatThrownBy(() -> ClassAttributes.load(dir.resolve("none.json").toString()))
                .hasMessageContaining("none.json does not exist");
    }
}
