package dev.incidents.notifier.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ComponentGroupsTest {

    @Test
    void asking_once_asks_the_source_once_per_component_and_keeps_its_answers() {
        List<String> asked = new ArrayList<>();
        ComponentGroups source = componentId -> {
            asked.add(componentId);
            return componentId.equals("checkout") ? Optional.of("Shop") : Optional.empty();
        };

        ComponentGroups once = ComponentGroups.askingOnce(source);
        List<Optional<String>> answers = List.of(once.groupOf("checkout"), once.groupOf("search"),
                once.groupOf("checkout"), once.groupOf("search"));

        assertThat(answers).containsExactly(Optional.of("Shop"), Optional.empty(), Optional.of("Shop"),
                Optional.empty());
        assertThat(asked).containsExactly("checkout", "search");
    }
}
