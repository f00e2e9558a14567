# syntax=docker/dockerfile:1
# One image recipe for both hosts: HOST_PROJECT=KioskGateway or Designer.Host (compose sets it).
# Multi-stage: the SDK builds and fetches face-api's weights; the runtime image holds the app, the native
# libraries it calls (Tesseract, OpenCV's GTK dependency, fonts for the PDFs) and nothing else, and runs
# as the image's unprivileged "app" user.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG HOST_PROJECT
RUN apt-get update && apt-get install -y --no-install-recommends npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN npm install --prefix /src/.tools/npm --no-audit --no-fund @vladmandic/face-api@1.7.15
RUN dotnet publish "${HOST_PROJECT}/${HOST_PROJECT}.csproj" -c Release -o /app --no-self-contained

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
ARG HOST_PROJECT
ARG HOST_DLL
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libtesseract5 tesseract-ocr-vie tesseract-ocr-eng \
      libgtk-3-0 libatomic1 libfontconfig1 \
      fonts-noto-core fonts-dejavu-core fonts-ocr-b \
      curl \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
COPY --from=build /src/.tools/npm/node_modules/@vladmandic/face-api/model /app/face-api/model
# /data is a volume shared by every replica: blobs, the Data Protection key ring, converted face models.
RUN mkdir -p /data/keys/data-protection && chown -R app:app /data
ENV SMARTKIOSK_DATA=/data \
    Faces__Models__WeightsDirectory=/app/face-api/model \
    Faces__Models__CacheDirectory=/data/face-models \
    ASPNETCORE_URLS=http://+:8080 \
    HOST_DLL=${HOST_DLL}
USER app
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s CMD curl -fsS http://localhost:8080/health/live || exit 1
ENTRYPOINT ["sh", "-c", "exec dotnet \"$HOST_DLL\""]
