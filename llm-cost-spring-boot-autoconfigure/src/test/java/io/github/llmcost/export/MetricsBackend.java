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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatusCode;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A metrics server run from its executable for a test class, on a loopback port, with its
 * data in a temporary directory: VictoriaMetrics receiving OTLP, or Prometheus scraping
 * the application. Both answer PromQL over HTTP.
 *
 * @author llm-cost contributors
 */
final class MetricsBackend implements AutoCloseable {

	private final String name;

	private final Path directory;

	private final Process process;

	private final RestClient restClient;

	private final Thread shutdownHook;

	private final @Nullable String flushPath;

	private MetricsBackend(String name, Path directory, List<String> command, int port, String readinessPath,
			@Nullable String flushPath) {
		this.name = name;
		this.directory = directory;
		this.flushPath = flushPath;
		try {
			this.process = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(directory.resolve("output.log").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// no server outlives the JVM that started it, even when the test run is cut short
		this.shutdownHook = new Thread(this.process::destroyForcibly);
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
		this.restClient = RestClient.create("http://127.0.0.1:" + port);
		try {
			Awaitility.await(name + " ready on port " + port)
				.atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(100))
				.failFast(name + " exited", () -> !this.process.isAlive())
				.ignoreException(ResourceAccessException.class)
				.until(() -> this.restClient.get()
					.uri(readinessPath)
					.exchange((request, response) -> response.getStatusCode().is2xxSuccessful()));
		}
		catch (RuntimeException ex) {
			String output = output();
			close();
			throw new IllegalStateException(name + " did not start. Its output:\n" + output, ex);
		}
	}

	/**
	 * Start VictoriaMetrics with its OTLP receiver at {@code /opentelemetry/v1/metrics}.
	 * It names series the way Prometheus does, with units and {@code _total} suffixes, so
	 * that their units can be read back. Every query first asks it to make the samples it
	 * has received searchable ({@code /internal/force_flush}, meant for tests), which it
	 * would otherwise do only some seconds later.
	 * @param port the port to listen on
	 * @return the running server
	 */
	static MetricsBackend victoriaMetrics(int port) {
		Path binary = ExportTools.binary("victoria-metrics");
		Path directory = createDirectory("victoria-metrics");
		return new MetricsBackend("VictoriaMetrics", directory,
				List.of(binary.toString(), "-httpListenAddr=127.0.0.1:" + port,
						"-storageDataPath=" + directory.resolve("data"), "-opentelemetry.usePrometheusNaming",
						"-search.latencyOffset=0s", "-search.disableCache"),
				port, "/health", "/internal/force_flush");
	}

	/**
	 * Start Prometheus scraping the application's {@code /actuator/prometheus} every
	 * second.
	 * @param applicationPort the application's HTTP port
	 * @return the running server
	 */
	static MetricsBackend prometheus(int applicationPort) {
		Path binary = ExportTools.binary("prometheus");
		Path directory = createDirectory("prometheus");
		int port = ExportTools.freePorts(1)[0];
		// YAML is a superset of JSON
		String config = """
				{"global": {"scrape_interval": "1s"},
				 "scrape_configs": [{"job_name": "llm-cost", "metrics_path": "/actuator/prometheus",
				                     "static_configs": [{"targets": ["127.0.0.1:%d"]}]}]}
				""".formatted(applicationPort);
		write(directory.resolve("prometheus.yml"), config);
		return new MetricsBackend("Prometheus", directory,
				List.of(binary.toString(), "--config.file=" + directory.resolve("prometheus.yml"),
						"--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port),
				port, "/-/ready", null);
	}

	/**
	 * Evaluate an instant PromQL query now.
	 * @param promql the query
	 * @return the series of the result vector, each with its {@code metric} labels and
	 * its {@code value}
	 */
	@SuppressWarnings("unchecked")
	List<Map<String, Object>> query(String promql) {
		if (this.flushPath != null) {
			this.restClient.get().uri(this.flushPath).retrieve().toBodilessEntity();
		}
		Map<String, Object> body = this.restClient.get()
			.uri((uri) -> uri.path("/api/v1/query").queryParam("query", "{query}").build(promql))
			.retrieve()
			.onStatus(HttpStatusCode::isError, (request, response) -> {
				throw new IllegalStateException(this.name + " rejected " + promql + ": "
						+ new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
			})
			.body(Map.class);
		assertThat(body).containsEntry("status", "success");
		Map<String, Object> data = (Map<String, Object>) body.get("data");
		assertThat(data).containsEntry("resultType", "vector");
		return new ArrayList<>((List<Map<String, Object>>) data.get("result"));
	}

	/**
	 * Return the body of a GET request, for diagnostics.
	 * @param path the path, such as {@code /api/v1/targets}
	 * @return the body
	 */
	String get(String path) {
		return this.restClient.get().uri(path).retrieve().body(String.class);
	}

	/**
	 * Return the names of the series whose names match a regular expression.
	 * @param regex the regular expression
	 * @return the names, sorted
	 */
	@SuppressWarnings("unchecked")
	List<String> names(String regex) {
		return query("count by (__name__) ({__name__=~\"" + regex + "\"})").stream()
			.map((series) -> (String) ((Map<String, Object>) series.get("metric")).get("__name__"))
			.sorted()
			.toList();
	}

	@Override
	public void close() {
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// the JVM is shutting down and the hook is running
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try {
			FileSystemUtils.deleteRecursively(this.directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String output() {
		try {
			Path log = this.directory.resolve("output.log");
			return Files.exists(log) ? Files.readString(log) : "no output";
		}
		catch (IOException ex) {
			return "no output: " + ex;
		}
	}

	private static Path createDirectory(String prefix) {
		try {
			return Files.createTempDirectory(prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Path path, String content) {
		try {
			Files.writeString(path, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
