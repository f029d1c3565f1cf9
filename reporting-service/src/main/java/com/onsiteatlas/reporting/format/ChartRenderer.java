package com.onsiteatlas.reporting.format;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;

/**
 * Renders {@link ChartData} to PNG with JFreeChart (headless Java2D), for PDF and XLSX
 * reports.
 */
public final class ChartRenderer {

	private static volatile StandardChartTheme theme;

	private ChartRenderer() {
	}

	/**
	 * A theme on the embedded Noto Sans, so charts render the same everywhere, also in
	 * container images that ship no system fonts.
	 */
	private static StandardChartTheme theme() {
		StandardChartTheme loaded = theme;
		if (loaded == null) {
			loaded = new StandardChartTheme("atlas");
			try (InputStream in = ChartRenderer.class.getResourceAsStream("/fonts/NotoSans-Regular.ttf")) {
				Font base = Font.createFont(Font.TRUETYPE_FONT, in);
				loaded.setExtraLargeFont(base.deriveFont(Font.BOLD, 18f));
				loaded.setLargeFont(base.deriveFont(Font.BOLD, 14f));
				loaded.setRegularFont(base.deriveFont(12f));
				loaded.setSmallFont(base.deriveFont(10f));
			}
			catch (IOException | FontFormatException ex) {
				// Keep JFreeChart's default fonts.
			}
			theme = loaded;
		}
		return loaded;
	}

	public static byte[] png(ChartData chart, int width, int height) {
		JFreeChart rendered = switch (chart.type()) {
			case "pie" -> pie(chart);
			case "line" -> ChartFactory.createLineChart(chart.title(), null, null, categories(chart),
					PlotOrientation.VERTICAL, chart.series().size() > 1, false, false);
			default -> ChartFactory.createBarChart(chart.title(), null, null, categories(chart),
					PlotOrientation.VERTICAL, chart.series().size() > 1, false, false);
		};
		theme().apply(rendered);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ChartUtils.writeChartAsPNG(out, rendered, width, height);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static JFreeChart pie(ChartData chart) {
		DefaultPieDataset<String> dataset = new DefaultPieDataset<>();
		if (!chart.series().isEmpty()) {
			ChartData.Series first = chart.series().get(0);
			for (int i = 0; i < chart.labels().size(); i++) {
				Number value = first.data().get(i);
				dataset.setValue(chart.labels().get(i), (value != null) ? value.doubleValue() : 0);
			}
		}
		return ChartFactory.createPieChart(chart.title(), dataset, true, false, false);
	}

	private static DefaultCategoryDataset categories(ChartData chart) {
		DefaultCategoryDataset dataset = new DefaultCategoryDataset();
		for (ChartData.Series series : chart.series()) {
			for (int i = 0; i < chart.labels().size(); i++) {
				Number value = series.data().get(i);
				dataset.addValue((value != null) ? value.doubleValue() : 0, series.name(), chart.labels().get(i));
			}
		}
		return dataset;
	}

}
