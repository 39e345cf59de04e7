import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.5\n',
    'FROM ruby@sha256:f1dbca0f5dbc9\n',
    'FROM scratch\n',
    { name: 'unresolvable variable', code: 'FROM ${VALUE}\n' },
    { name: 'ARG default with a tag', code: 'ARG BASE=python:3.12-slim\nFROM ${BASE}\n' },
    { name: 'earlier stage', code: 'FROM golang:1.22 AS build\nFROM build AS test\n' },
    { name: 'the name pins the major', code: 'FROM redhat/ubi9-minimal\n' },
    {
      name: 'a single-word name Docker Hub has no official image for: built locally',
      code: 'FROM bats-jenkins\n'
    },
    {
      name: 'a folder beside a parent folder holds its Dockerfile (bake target, named context)',
      path: 'core/nginx/Dockerfile',
      code: 'FROM base\n',
      files: { 'core/base/Dockerfile': 'FROM alpine:3.20\n' }
    },
    {
      name: 'an image of the same repository built from a sibling folder',
      path: 'images/pyspark-notebook/Dockerfile',
      code: 'ARG REGISTRY=quay.io\nARG OWNER=jupyter\nARG BASE_IMAGE=$REGISTRY/$OWNER/scipy-notebook\nFROM $BASE_IMAGE\n',
      files: { 'images/scipy-notebook/Dockerfile': 'FROM ubuntu:24.04\n' }
    },
    {
      name: "a compose service's image with a build",
      path: 'app/Dockerfile',
      code: 'FROM myorg/app-base\n',
      files: {
        'compose.yaml': 'services:\n  base:\n    image: myorg/app-base\n    build: ./base\n',
        'base/Dockerfile': 'FROM debian:12\n'
      }
    }
  ],
  invalid: [
    { code: 'FROM debian\n', errors: [{ line: 1, column: 6, endLine: 1, endColumn: 12 }] },
    { code: 'FROM debian AS builder\n', errors: [{ line: 1, column: 6 }] },
    {
      name: 'ARG default without a tag',
      code: 'ARG BASE=ubuntu\nFROM $BASE\n',
      errors: [{ line: 2, column: 6, message: 'resolves to `ubuntu`' }]
    },
    {
      code: 'FROM golang:1.22 AS build\nFROM node AS test\n',
      errors: [{ line: 2, column: 6 }]
    },
    {
      name: 'its own folder is not another image',
      path: 'thumbor/Dockerfile',
      code: 'FROM apsl/thumbor\n',
      files: { 'thumbor/Dockerfile': 'FROM apsl/thumbor\n' },
      errors: [{ line: 1, column: 6 }]
    },
    {
      name: 'an official name stays Docker Hub even with a folder of that name',
      path: 'app/Dockerfile',
      code: 'FROM nginx\n',
      files: { 'nginx/Dockerfile': 'FROM nginx:1.27\n' },
      errors: [{ line: 1, column: 6 }]
    },
    {
      name: 'a namespaced image without evidence in the workspace',
      code: 'FROM manticoresearch/manticore\n',
      errors: [{ line: 1, column: 6 }]
    }
  ]
}
