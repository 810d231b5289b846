# One image per service: docker build --build-arg MODULE=relay-service -t wasmhive/relay-service .
# The build stage compiles the module and what it depends on with the project's Maven Wrapper
# (tests run in CI, not here); the runtime stage holds the executable jar and a JRE only.
ARG MODULE=relay-service

FROM --platform=linux/amd64 eclipse-temurin:17-jdk AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -pl "${MODULE}" -am package -DskipTests \
 && cp "${MODULE}/target/${MODULE}-"*.jar /app.jar

# linux/amd64 only: the bundled Wasmtime 7.0.1 has a sandbox escape on aarch64 (docs/security.md).
FROM --platform=linux/amd64 eclipse-temurin:25-jre
ARG MODULE
LABEL org.opencontainers.image.title="wasmhive ${MODULE}"
RUN groupadd --system wasmhive && useradd --system --gid wasmhive --home-dir /app wasmhive \
 && mkdir -p /app/data && chown wasmhive:wasmhive /app/data
WORKDIR /app
COPY --from=build /app.jar /app/app.jar
USER wasmhive
# Compose passes MONGODB_URI and REDIS_URL; without them the service would fall back to embedded
# stores under /app/data (wasmhive.data-dir), which suits a single container only.
ENV WASMHIVE_DATADIR=/app/data
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
