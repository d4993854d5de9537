"""Placeholder until wired."""

from fastapi import APIRouter

router = APIRouter()
