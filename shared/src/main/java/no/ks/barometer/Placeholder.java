package no.ks.barometer;
final class Placeholder {}
