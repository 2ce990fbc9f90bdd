/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.llmcost.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

import org.springframework.boot.json.JsonParserFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard of {@code docs/grafana}, read as Grafana reads it: its panels'
 * PromQL expressions, with Grafana's variables replaced by values, and its query
 * variables.
 *
 * @author llm-cost contributors
 */
final class GrafanaDashboard {

	static final Path LOCATION = Path.of("..", "docs", "grafana", "llm-cost-dashboard.json");

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)");

	private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)");

	/**
	 * Values of the dashboard's variable and of the Grafana variables that its queries
	 * use.
	 */
	static final Map<String, String> VALUES = Map.of("currency", "USD", "__range", "1h", "__rate_interval", "1m");

	/**
	 * Panels whose series may not exist yet in a test run. Their queries are only checked
	 * to be valid PromQL. None: the budget panel is answered by the budget of
	 * {@link ExportIntegrationTest}.
	 */
	static final Set<String> PENDING_PANELS = Set.of();

	private final Map<String, Object> dashboard;

	private GrafanaDashboard(Map<String, Object> dashboard) {
		this.dashboard = dashboard;
	}

	/**
	 * Read the dashboard.
	 * @return the dashboard
	 */
	static GrafanaDashboard load() {
		try {
			return new GrafanaDashboard(JsonParserFactory.getJsonParser().parseMap(Files.readString(LOCATION)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return the expression of every target of every panel, including panels in rows.
	 * @param values the values of the variables, such as {@code currency} and Grafana's
	 * {@code __range}
	 * @return the queries, in panel order
	 */
	List<Query> queries(Map<String, String> values) {
		List<Query> queries = new ArrayList<>();
		addQueries(list(this.dashboard.get("panels")), values, queries);
		return queries;
	}

	/**
	 * Return the query variables, each as a PromQL query whose result's labels are the
	 * variable's values.
	 * @return the variables
	 */
	List<Query> variables() {
		List<Query> variables = new ArrayList<>();
		Map<String, Object> templating = map(this.dashboard.get("templating"));
		for (Map<String, Object> variable : maps(templating.get("list"))) {
			if ("query".equals(variable.get("type"))) {
				String query = (String) map(variable.get("query")).get("query");
				Matcher matcher = LABEL_VALUES.matcher(query);
				if (!matcher.matches()) {
					throw new IllegalStateException("Unsupported variable query " + query);
				}
				variables.add(new Query("variable " + variable.get("name"),
						"count by (" + matcher.group(2) + ") (" + matcher.group(1) + ")"));
			}
		}
		return variables;
	}

	/**
	 * Wait until a backend answers every query of the dashboard and every variable with
	 * at least one series, except the queries of {@link #PENDING_PANELS}, which it must
	 * accept.
	 * @param backend the backend
	 * @param positive whether each answer must also hold a value above zero
	 */
	void assertAnsweredBy(MetricsBackend backend, boolean positive) {
		List<Query> queries = new ArrayList<>(variables());
		queries.addAll(queries(VALUES));
		assertThat(queries).extracting(Query::panel).containsAll(PENDING_PANELS);
		Awaitility.await("every dashboard query answered")
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> {
				for (Query query : queries) {
					List<Map<String, Object>> result = backend.query(query.expr());
					if (!PENDING_PANELS.contains(query.panel())) {
						assertThat(result).as(query.toString()).isNotEmpty();
						if (positive) {
							assertThat(result).as(query.toString())
								.anySatisfy((series) -> assertThat(value(series)).isPositive());
						}
					}
				}
			});
	}

	private static double value(Map<String, Object> series) {
		return Double.parseDouble((String) list(series.get("value")).get(1));
	}

	private void addQueries(List<Object> panels, Map<String, String> values, List<Query> queries) {
		for (Map<String, Object> panel : maps(panels)) {
			if (panel.containsKey("panels")) {
				addQueries(list(panel.get("panels")), values, queries);
			}
			if (panel.containsKey("targets")) {
				String title = replace((String) panel.get("title"), values);
				for (Map<String, Object> target : maps(panel.get("targets"))) {
					queries.add(new Query(title, replace((String) target.get("expr"), values)));
				}
			}
		}
	}

	private static String replace(String text, Map<String, String> values) {
		Matcher matcher = VARIABLE.matcher(text);
		StringBuilder replaced = new StringBuilder();
		while (matcher.find()) {
			String name = (matcher.group(1) != null) ? matcher.group(1) : matcher.group(2);
			String value = values.get(name);
			if (value == null) {
				throw new IllegalStateException("No value for variable " + name + " in " + text);
			}
			matcher.appendReplacement(replaced, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(replaced);
		return replaced.toString();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object value) {
		return (List<Object>) value;
	}

	private static List<Map<String, Object>> maps(Object value) {
		return list(value).stream().map(GrafanaDashboard::map).toList();
	}

	/**
	 * A PromQL query of the dashboard.
	 *
	 * @param panel the title of its panel
	 * @param expr the expression
	 */
	record Query(String panel, String expr) {

		@Override
		public String toString() {
			return this.panel + ": " + this.expr;
		}

	}

}
