package com.onsiteatlas.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.onsiteatlas.support.testing.ArchitectureRules;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClassSizeRuleTests {

	@TempDir
	Path root;

	@Test
	void failsForALongClassThatDoesNotSayWhy() throws IOException {
		write("com/example/shop/order/OrderService.java", """
				package com.example.shop.order;

				/**
				 * Orders.
				 */
				@Service
				public class OrderService {
				""", 40);
		write("com/example/shop/order/Order.java", "package com.example.shop.order;\n\nrecord Order(String id) {\n", 3);

		assertThatThrownBy(() -> ArchitectureRules.checkClassSizes(this.root, "com.example.shop", 30))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("order/OrderService.java (48 lines)")
			.hasMessageNotContaining("Order.java (");
	}

	@Test
	void acceptsALongClassWhoseJavadocSaysWhy() throws IOException {
		write("com/example/shop/report/ReportRenderer.java", """
				package com.example.shop.report;

				import java.util.List;

				/**
				 * Renders reports. Longer than 30
				 * lines because the layout of one page reads best in one place.
				 */
				@Component
				@Order(1)
				final class ReportRenderer {
				""", 40);

		assertThatCode(() -> ArchitectureRules.checkClassSizes(this.root, "com.example.shop", 30))
			.doesNotThrowAnyException();
	}

	@Test
	void failsWhenThereIsNothingToCheck() {
		assertThatThrownBy(() -> ArchitectureRules.checkClassSizes(this.root, "com.example.missing", 30))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("No sources to check");
	}

	private void write(String path, String head, int bodyLines) throws IOException {
		Path file = this.root.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, head + String.join("", Collections.nCopies(bodyLines, "\t// line\n")) + "}\n");
	}

}
